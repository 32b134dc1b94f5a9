// Mapping tables of the legacy Vietnamese font encodings, as the characters a page shows when it is read
// as Latin-1 / windows-1252 (which is how these pages reach us: the font, not the charset, carried the letters).

/** TCVN3 (ABC, fonts ".VnTime", ".VnArial"…): one character per letter. Upper case with a diacritic has a few
 * places of its own; the other capitals came from a second font (".VnTimeH") and are not told apart here. */
export const TCVN3: Record<string, string> = {
  "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
  "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
  "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
  "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
  "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
  "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
  "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
  "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
  "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
  "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
  "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
  "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
  "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
  "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
};

/** VNI (fonts "VNI-Times", "VNI-Helve"…): letters that stand alone. */
export const VNI_LETTERS: Record<string, string> = {
  "\u00f1": "đ", "\u00d1": "Đ", "\u00f4": "ơ", "\u00d4": "Ơ", "\u00f6": "ư", "\u00d6": "Ư",
  "\u00ed": "í", "\u00cd": "Í", "\u00ec": "ì", "\u00cc": "Ì", "\u00e6": "ỉ", "\u00c6": "Ỉ",
  "\u00f3": "ĩ", "\u00d3": "Ĩ", "\u00f2": "ị", "\u00d2": "Ị", "\u00ee": "ỵ", "\u00ce": "Ỵ",
};

/** VNI: marks typed after a vowel, as combining characters (shape mark first, then tone). */
export const VNI_MARKS: Record<string, string> = {
  // tones
  "\u00f9": "\u0301", "\u00d9": "\u0301", "\u00f8": "\u0300", "\u00d8": "\u0300", "\u00fb": "\u0309", "\u00db": "\u0309",
  "\u00f5": "\u0303", "\u00d5": "\u0303", "\u00ef": "\u0323", "\u00cf": "\u0323",
  // circumflex (â ê ô), alone and with a tone
  "\u00e2": "\u0302", "\u00c2": "\u0302", "\u00e1": "\u0302\u0301", "\u00c1": "\u0302\u0301", "\u00e0": "\u0302\u0300", "\u00c0": "\u0302\u0300",
  "\u00e5": "\u0302\u0309", "\u00c5": "\u0302\u0309", "\u00e3": "\u0302\u0303", "\u00c3": "\u0302\u0303", "\u00e4": "\u0302\u0323", "\u00c4": "\u0302\u0323",
  // breve (ă), alone and with a tone
  "\u00ea": "\u0306", "\u00ca": "\u0306", "\u00e9": "\u0306\u0301", "\u00c9": "\u0306\u0301", "\u00e8": "\u0306\u0300", "\u00c8": "\u0306\u0300",
  "\u00fa": "\u0306\u0309", "\u00da": "\u0306\u0309", "\u00fc": "\u0306\u0303", "\u00dc": "\u0306\u0303", "\u00eb": "\u0306\u0323", "\u00cb": "\u0306\u0323",
};

/** Font names that give a page's legacy encoding away. */
export const LEGACY_FONTS: Array<[RegExp, "tcvn3" | "vni"]> = [
  [/\.vn(?:time|arial|avant|bahamas|black|book|centur|clarendon|commercial|cooper|courier|free|helv|hobo|koo|linus|lucida|magnet|mystical|present|revue|shelley|souvir|univers|vogue|3d|aristote|bodoni)\w*/i, "tcvn3"],
  [/\bvni[- ](?:times|helve|aptima|arial|univer|book|centur|brush|cooper|souvir|top|couri|free|garam|goud|jamai|love|times|\w+)/i, "vni"],
];
