-- Saved queries for `thidua query NAME [ARG] [--cluster …] [--year …] [--unit …]`.
-- Each starts with "-- name:", then "-- about:" and "-- usage:", then one read-only SELECT.
-- Parameters: :arg (the word after the name), :cluster, :year, :unit; a missing one is NULL (no filter).
-- thidua_fold(x) folds case and diacritics, so "so 1" finds "số 1" and "Hà Nội" finds "HÀ NỘI".

-- name: clusters
-- about: canonical clusters and blocs with how many articles speak of them
-- usage: thidua query clusters [TEXT] [--cluster TEXT]
SELECT c.id, c.kind, c.number, c.name, c.locality, c.system,
  (SELECT count(DISTINCT f.article_id) FROM fact_clusters fc JOIN facts f ON f.id = fc.fact_id JOIN articles a ON a.id = f.article_id AND a.status = 'stored' WHERE fc.cluster_id = c.id) AS articles
FROM clusters c
WHERE (coalesce(:arg, :cluster) IS NULL OR thidua_fold(c.name) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%'
  OR EXISTS (SELECT 1 FROM cluster_aliases x WHERE x.cluster_id = c.id AND thidua_fold(x.alias) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%'))
ORDER BY c.kind, c.locality, c.number, c.name;

-- name: roles
-- about: leaders (trưởng) and deputies (phó) of clusters, by year
-- usage: thidua query roles [--cluster TEXT] [--year YYYY] [--unit TEXT]
SELECT cluster_id, cluster, year, role, unit_canonical AS unit, count(DISTINCT article_id) AS articles, group_concat(DISTINCT outlet) AS outlets
FROM v_cluster_roles r
WHERE (coalesce(:arg, :cluster) IS NULL OR EXISTS (SELECT 1 FROM cluster_aliases x WHERE x.cluster_id = r.cluster_id AND thidua_fold(x.alias) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%') OR thidua_fold(r.cluster) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%')
  AND (:year IS NULL OR year = CAST(:year AS INTEGER))
  AND (:unit IS NULL OR thidua_fold(unit_canonical) LIKE '%' || thidua_fold(:unit) || '%' OR thidua_fold(unit) LIKE '%' || thidua_fold(:unit) || '%')
GROUP BY cluster_id, year, role, unit_id
ORDER BY cluster, year, role DESC, unit;

-- name: members
-- about: member units of clusters, with the years they are reported
-- usage: thidua query members [--cluster TEXT] [--year YYYY] [--unit TEXT]
SELECT cluster_id, cluster, unit_canonical AS unit, group_concat(DISTINCT substr(published, 1, 4)) AS years, count(DISTINCT article_id) AS articles
FROM v_cluster_members m
WHERE (coalesce(:arg, :cluster) IS NULL OR EXISTS (SELECT 1 FROM cluster_aliases x WHERE x.cluster_id = m.cluster_id AND thidua_fold(x.alias) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%') OR thidua_fold(m.cluster) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%')
  AND (:year IS NULL OR substr(published, 1, 4) = CAST(:year AS TEXT))
  AND (:unit IS NULL OR thidua_fold(unit_canonical) LIKE '%' || thidua_fold(:unit) || '%')
GROUP BY cluster_id, unit_id
ORDER BY cluster, unit;

-- name: person
-- about: a person's titles over time, with the articles and outlets that name them
-- usage: thidua query person "NAME"
SELECT person_id, name, title, first_seen, last_seen, articles, outlets
FROM v_person_titles
WHERE coalesce(:arg, :unit) IS NULL OR thidua_fold(name) LIKE '%' || thidua_fold(coalesce(:arg, :unit)) || '%'
ORDER BY name, person_id, first_seen, title;

-- name: timeline
-- about: each cluster year by year: leader, deputy, members, articles
-- usage: thidua query timeline [--cluster TEXT] [--year YYYY]
SELECT cluster_id, cluster, year, leader, deputy, members, articles, outlets
FROM v_cluster_timeline t
WHERE (coalesce(:arg, :cluster) IS NULL OR thidua_fold(t.cluster) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%' OR EXISTS (SELECT 1 FROM cluster_aliases x WHERE x.cluster_id = t.cluster_id AND thidua_fold(x.alias) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%'))
  AND (:year IS NULL OR year = CAST(:year AS INTEGER))
ORDER BY cluster, year;

-- name: awards
-- about: awards by recipient and year
-- usage: thidua query awards [--unit TEXT] [--year YYYY]
SELECT recipient, year, award, status, articles, outlets
FROM v_awards_by_recipient
WHERE (coalesce(:arg, :unit) IS NULL OR thidua_fold(recipient) LIKE '%' || thidua_fold(coalesce(:arg, :unit)) || '%')
  AND (:year IS NULL OR year = CAST(:year AS INTEGER))
ORDER BY recipient, year, award;

-- name: single-source
-- about: facts stated by one article only (check these first)
-- usage: thidua query single-source [--cluster TEXT]
SELECT 'member' AS fact, cluster, unit_canonical AS detail, article_id, outlet, url FROM v_cluster_members WHERE fact_articles = 1 AND (coalesce(:arg, :cluster) IS NULL OR thidua_fold(cluster) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%')
UNION ALL SELECT 'role ' || role, cluster, unit_canonical, article_id, outlet, url FROM v_cluster_roles WHERE fact_articles = 1 AND (coalesce(:arg, :cluster) IS NULL OR thidua_fold(cluster) LIKE '%' || thidua_fold(coalesce(:arg, :cluster)) || '%')
ORDER BY cluster, fact, detail;

-- name: sources
-- about: every source a story was seen as (copies and near-duplicates included)
-- usage: thidua query sources [ARTICLE_ID]
SELECT article_id, story_title, how, round(similarity, 2) AS similarity, outlet, source
FROM v_story_sources
WHERE :arg IS NULL OR article_id = CAST(:arg AS INTEGER)
ORDER BY article_id, how != 'primary', source;
