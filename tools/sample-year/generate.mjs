// Generates samples/activities/year/: a year of one runner's training made of real recordings from the test corpus
// (tests/fixtures/activities), each copy re-dated to its day of the year. Every timestamp inside a file is shifted by
// the same whole number of days, so a copy keeps its time of day, its laps and its samples exactly as recorded.
// Deterministic (no randomness, gzip without a modification time): running it again gives the same bytes.
// Usage (from the repository root): node tools/sample-year/generate.mjs
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const corpus = "tests/fixtures/activities";
const out = "samples/activities/year";
const DAY_SECONDS = 86400;

// The recordings, and the session each stands for (docs/ANALYSIS.md names the kinds the analysis finds in them).
const runs = {
  easy: "tcx/no_hr.tcx",                  // Forerunner 410, 4.7 km rolling, no heart rate (load from pace)
  hills: "tcx/test.tcx",                  // the same loop with heart rate: four climbs, 154 m up
  intervals: "fit/2013-02-06-12-11-14.fit", // 4.8 km with 13 hard repeats and sprints
  tempo: "fit/activity-small-fenix2-run.fit", // Fenix 2, 9 km, 40 % in zone 4
  steady: "fit/developer-types-sample.fit", // Stryd pod, 6.8 km, 57 min all easy
};

// The year: a beginner who runs three times a week, then four, then five, with a lighter week every fourth week.
// Each week lists [day offset from Monday, kind]. Week numbers are 1-based.
function weekPlan(week) {
  const light = week % 4 === 0;
  if (week <= 10) return [[1, "easy"], [3, "hills"], [6, week % 2 ? "steady" : "easy"]];
  if (week <= 26) {
    const plan = [[1, "intervals"], [3, "easy"], [5, "hills"], [6, week % 2 ? "tempo" : "easy"]];
    return light ? plan.filter(([, k]) => k !== "intervals") : plan;
  }
  if (week <= 44) {
    const plan = [[0, "easy"], [1, "intervals"], [3, "tempo"], [5, "hills"], [6, week % 3 ? "easy" : "steady"]];
    return light ? plan.filter(([d]) => d !== 0 && d !== 1) : plan;
  }
  return [[1, "intervals"], [3, "easy"], [5, "hills"], [6, week % 2 ? "tempo" : "easy"]];
}

const firstMonday = Date.UTC(2025, 0, 6); // a Monday
const weeks = 52;

// ---- FIT: shift every date_time field by whole days, then write the file's CRC again ----
// date_time fields besides the timestamp (253) every message may carry, by global message number.
const dateFields = {
  0: [4],      // file_id.time_created
  18: [2],     // session.start_time
  19: [2],     // lap.start_time
  34: [5],     // activity.local_timestamp
  72: [3],     // training_file.time_created
  101: [2],    // length.start_time
  103: [0],    // monitoring_info.local_timestamp
  142: [2],    // segment_lap.start_time
  162: [3],    // timestamp_correlation.local_timestamp
};
const crcTable = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401, 0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400];
function fitCrc(bytes) {
  let crc = 0;
  for (const b of bytes) {
    let t = crcTable[crc & 0xF]; crc = (crc >> 4) & 0x0FFF; crc = crc ^ t ^ crcTable[b & 0xF];
    t = crcTable[crc & 0xF]; crc = (crc >> 4) & 0x0FFF; crc = crc ^ t ^ crcTable[(b >> 4) & 0xF];
  }
  return crc;
}

function redateFit(source, shiftSeconds) {
  // Whole days are a multiple of 32 s, so compressed-timestamp headers (5-bit offsets) still decode to the shifted times.
  if (shiftSeconds % 32 !== 0) throw new Error("shift must be a multiple of 32 s");
  const buf = Buffer.from(source);
  const headerSize = buf[0];
  const dataEnd = headerSize + buf.readUInt32LE(4);
  const defs = new Array(16);
  let pos = headerSize;
  while (pos < dataEnd) {
    const header = buf[pos++];
    if (header & 0x80) { pos = shiftData(buf, pos, defs[(header >> 5) & 3], shiftSeconds); continue; }
    const local = header & 0x0F;
    if (header & 0x40) {
      const big = buf[pos + 1] === 1;
      const global = big ? buf.readUInt16BE(pos + 2) : buf.readUInt16LE(pos + 2);
      const count = buf[pos + 4];
      pos += 5;
      const fields = [];
      for (let i = 0; i < count; i++, pos += 3) fields.push({ num: buf[pos], size: buf[pos + 1], type: buf[pos + 2] });
      let developerBytes = 0;
      if (header & 0x20) {
        const devCount = buf[pos++];
        for (let i = 0; i < devCount; i++, pos += 3) developerBytes += buf[pos + 1];
      }
      defs[local] = { big, global, fields, developerBytes };
    } else {
      pos = shiftData(buf, pos, defs[local], shiftSeconds);
    }
  }
  buf.writeUInt16LE(fitCrc(buf.subarray(0, dataEnd)), dataEnd);
  return buf;
}

function shiftData(buf, pos, def, shiftSeconds) {
  if (!def) throw new Error(`data message without a definition at byte ${pos}`);
  const dated = dateFields[def.global] ?? [];
  for (const f of def.fields) {
    if (f.size === 4 && (f.num === 253 || dated.includes(f.num))) {
      const value = def.big ? buf.readUInt32BE(pos) : buf.readUInt32LE(pos);
      // 0xFFFFFFFF is "invalid"; below 0x10000000 a date_time is a relative system time, not a date.
      if (value !== 0xFFFFFFFF && value >= 0x10000000) {
        def.big ? buf.writeUInt32BE(value + shiftSeconds, pos) : buf.writeUInt32LE(value + shiftSeconds, pos);
      }
    }
    pos += f.size;
  }
  return pos + def.developerBytes;
}

// ---- TCX (and any XML with ISO times): shift every UTC time stamp ----
function redateXml(source, shiftSeconds) {
  return Buffer.from(source.toString("utf8").replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, (t) => {
    const shifted = new Date(Date.parse(t) + shiftSeconds * 1000).toISOString();
    return t.includes(".") ? shifted : shifted.replace(".000Z", "Z");
  }), "utf8");
}

// The day a recording was made (UTC), from its first time stamp.
function recordedDay(path, bytes) {
  if (path.endsWith(".tcx")) {
    const t = bytes.toString("utf8").match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/)[0];
    return Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10));
  }
  // file_id.time_created is not always set; the first timestamp (253) of any message is the day.
  const probe = redateFit(bytes, 0);
  const seconds = firstFitTimestamp(probe);
  const ms = (seconds + 631065600) * 1000;
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

function firstFitTimestamp(buf) {
  const headerSize = buf[0];
  const dataEnd = headerSize + buf.readUInt32LE(4);
  const defs = new Array(16);
  let pos = headerSize;
  while (pos < dataEnd) {
    const header = buf[pos++];
    if (header & 0x80) throw new Error("compressed timestamp before any full timestamp");
    const local = header & 0x0F;
    if (header & 0x40) {
      const big = buf[pos + 1] === 1;
      const count = buf[pos + 4];
      pos += 5;
      const fields = [];
      for (let i = 0; i < count; i++, pos += 3) fields.push({ num: buf[pos], size: buf[pos + 1] });
      let developerBytes = 0;
      if (header & 0x20) { const n = buf[pos++]; for (let i = 0; i < n; i++, pos += 3) developerBytes += buf[pos + 1]; }
      defs[local] = { big, fields, developerBytes };
      continue;
    }
    const def = defs[local];
    for (const f of def.fields) {
      if (f.num === 253 && f.size === 4) {
        const v = def.big ? buf.readUInt32BE(pos) : buf.readUInt32LE(pos);
        if (v !== 0xFFFFFFFF && v >= 0x10000000) return v;
      }
      pos += f.size;
    }
    pos += def.developerBytes;
  }
  throw new Error("no timestamp");
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const sources = Object.fromEntries(Object.entries(runs).map(([kind, path]) => {
  const bytes = readFileSync(join(corpus, path));
  return [kind, { path, bytes, day: recordedDay(path, bytes) }];
}));
let count = 0;
for (let week = 1; week <= weeks; week++) {
  for (const [offset, kind] of weekPlan(week)) {
    const { path, bytes, day } = sources[kind];
    const target = firstMonday + ((week - 1) * 7 + offset) * DAY_SECONDS * 1000;
    const shift = (target - day) / 1000;
    const redated = path.endsWith(".fit") ? redateFit(bytes, shift) : redateXml(bytes, shift);
    const ext = path.endsWith(".fit") ? "fit" : "tcx";
    const name = `${new Date(target).toISOString().slice(0, 10)}-${kind}.${ext}.gz`;
    writeFileSync(join(out, name), gzipSync(redated, { level: 9 }));
    count++;
  }
}
console.log(`${count} activities written to ${out}`);
