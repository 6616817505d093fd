// Run buurtlog/static/js/privacy.js over texts for tests/test_privacy.py.
// Reads a JSON array of strings on stdin and prints {"results": [...], "words": {...},
// "pieces": {...}} (the regex pieces as privacy.js expanded them).
import { readFileSync } from "node:fs";
import { findPersonalData, PIECES, WORD_LISTS } from "../../buurtlog/static/js/privacy.js";

const texts = JSON.parse(readFileSync(0, "utf8"));
const { PIECES: templates, ...lists } = WORD_LISTS;
const words = Object.fromEntries(
  Object.entries(lists).map(([key, value]) => [key, [...value].sort()]),
);
process.stdout.write(JSON.stringify({ results: texts.map(findPersonalData), words, pieces: PIECES }));
