-- Which units form each cluster, as the press lists them?
SELECT cluster, count(DISTINCT unit_id) AS units, group_concat(DISTINCT unit_canonical) AS members
FROM v_cluster_members GROUP BY cluster_id ORDER BY cluster;

-- Who led (trưởng) and deputised (phó) which cluster, in which year?
SELECT cluster, year, role, unit FROM v_cluster_roles ORDER BY cluster, year, role DESC;

-- A cluster's leadership and membership by year, with how many articles and outlets say so.
SELECT cluster, year, leader, deputy, articles, outlets FROM v_cluster_timeline ORDER BY cluster, year;

-- What did the 2021 covenants promise?
SELECT cluster, substr(text, 1, 90) || '…' AS commitment FROM v_commitments WHERE year = 2021 ORDER BY cluster;

-- Which awards were proposed or conferred, to whom, for which year?
SELECT year, status, award, recipient FROM v_awards ORDER BY year, award, recipient;

-- Which officials appear in the most articles, with which titles, and when?
SELECT name, title, articles, substr(first_seen, 1, 10) AS first_seen, substr(last_seen, 1, 10) AS last_seen
FROM v_person_titles ORDER BY articles DESC, name LIMIT 8;

-- Which documents are cited, and when were they issued?
SELECT kind, number, date, count(*) AS citations FROM v_documents GROUP BY kind, number ORDER BY date;

-- Which meetings took place, and where?
SELECT date, type, coalesce(cluster, '') AS cluster, coalesce(location, '') AS location FROM v_events ORDER BY date, type;

-- Which leadership facts rest on a single article (to be checked against another source)?
SELECT cluster, year, role, unit, fact_articles, fact_outlets FROM v_cluster_roles WHERE fact_articles = 1 ORDER BY cluster LIMIT 6;

-- Follow a fact to its sentence: the rule that made it and the words it was read from.
SELECT r.role, r.unit, r.rule, substr(a.text, r.start + 1, r."end" - r.start) AS words_in_the_text
FROM v_cluster_roles r JOIN articles a ON a.id = r.article_id ORDER BY r.article_id LIMIT 5;
