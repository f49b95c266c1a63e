// verbatim-fr/io — node-only entry (file readers, lexicon files).
export {};
