// Run buurtlog/static/js/privacy.js over texts for tests/test_privacy.py.
// Reads a JSON array of strings on stdin and prints {"results": [...], "words": {...}}.
import { readFileSync } from "node:fs";
import { findPersonalData, WORD_LISTS } from "../../buurtlog/static/js/privacy.js";

const texts = JSON.parse(readFileSync(0, "utf8"));
const words = Object.fromEntries(
  Object.entries(WORD_LISTS).map(([key, value]) => [key, [...value].sort()]),
);
process.stdout.write(JSON.stringify({ results: texts.map(findPersonalData), words }));
