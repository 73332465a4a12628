import assert from "node:assert/strict";
import { test } from "node:test";

import { formatBytes } from "../index.js";

test("small counts stay in bytes", () => {
  assert.equal(formatBytes(512), "512 B");
});

test("large counts use the next unit", () => {
  assert.equal(formatBytes(1500000), "1.5 MB");
});
