/* repair review report, part 1 of 2: DOM building, word diffs and unified diffs.
 *
 * No state here: functions of their arguments only.  html.py wraps the parts,
 * in order, in one strict-mode function, so they share one scope.
 */

  function $(id) { return document.getElementById(id); }

  /** An element with attributes ("class", "text" or safe attribute names) and children (nodes or strings). */
  function el(tag, attrs) {
    const e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        const v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === "class") e.className = v;
        else if (k === "text") e.textContent = v;
        else e.setAttribute(k, v);
      });
    }
    for (let i = 2; i < arguments.length; i++) {
      const kid = arguments[i];
      if (kid !== null && kid !== undefined) e.append(kid);
    }
    return e;
  }

  function overlaps(a, b) {
    if (a[0] === a[1]) return b[0] <= a[0] && a[0] <= b[1];
    if (b[0] === b[1]) return a[0] <= b[0] && b[0] <= a[1];
    return a[0] < b[1] && b[0] < a[1];
  }

  function lineCol(text, offset) {
    let line = 1;
    let start = 0;
    const re = /\r\n|\r|\n/g;
    let m;
    while ((m = re.exec(text)) && m.index < offset) {
      line += 1;
      start = m.index + m[0].length;
    }
    return [line, offset - start + 1];
  }

  function tokens(s) { return s.match(/\s+|[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) || []; }

  /** A word-level diff of two short strings (LCS over words, spaces and punctuation). */
  function wordDiff(a, b) {
    const A = tokens(a);
    const B = tokens(b);
    if (A.length * B.length > 40000) return [[-1, a], [1, b]];
    const n = A.length;
    const m = B.length;
    const L = [];
    for (let i = 0; i <= n; i++) L.push(new Int32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
      }
    }
    const ops = [];
    const push = function (op, t) {
      const last = ops[ops.length - 1];
      if (last && last[0] === op) last[1] += t; else ops.push([op, t]);
    };
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (A[i] === B[j]) { push(0, A[i]); i++; j++; }
      else if (L[i + 1][j] >= L[i][j + 1]) { push(-1, A[i]); i++; }
      else { push(1, B[j]); j++; }
    }
    for (; i < n; i++) push(-1, A[i]);
    for (; j < m; j++) push(1, B[j]);
    return ops;
  }

  /** An option's diff with kept and deleted text read back from the document (the data stores lengths). */
  function expandDiff(text, o) {
    let at = o.at;
    return o.diff.map(function (op) {
      if (op[0] > 0) return op;
      const piece = text.slice(at, at + op[1]);
      at += op[1];
      return [op[0], piece];
    });
  }

  function showBreaks(t) { return t.replace(/\r\n|\r|\n/g, "\u21b5\n"); }

  function renderDiff(ops, moreBefore, moreAfter) {
    const box = el("div", { class: "diff" });
    if (moreBefore) box.append("\u2026");
    let changed = false;
    ops.forEach(function (op) {
      if (op[0] < 0) { box.append(el("del", { text: showBreaks(op[1]) })); changed = true; }
      else if (op[0] > 0) { box.append(el("ins", { text: showBreaks(op[1]) })); changed = true; }
      else box.append(el("span", { class: "ctx", text: op[1] }));
    });
    if (moreAfter) box.append("\u2026");
    if (!changed) box.append(el("em", { class: "dim", text: " (no change)" }));
    return box;
  }

  function splitLines(text) {
    const out = [];
    const re = /\r\n|\r|\n/g;
    let pos = 0;
    let m;
    while ((m = re.exec(text))) { out.push(text.slice(pos, m.index + m[0].length)); pos = m.index + m[0].length; }
    if (pos < text.length) out.push(text.slice(pos));
    return out;
  }

  function splice(text, edits) {
    let out = "";
    let pos = 0;
    edits.forEach(function (e) { out += text.slice(pos, e[0]) + e[2]; pos = e[1]; });
    return out + text.slice(pos);
  }

  /** A unified diff (3 lines of context, difflib's hunk headers) of one document's accepted edits. */
  function unifiedDiff(path, text, edits) {
    edits = edits.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    const A = splitLines(text);
    const starts = [];
    let off = 0;
    A.forEach(function (l) { starts.push(off); off += l.length; });
    starts.push(text.length);
    const lineOf = function (p) {
      let lo = 0;
      let hi = A.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (starts[mid] <= p) lo = mid; else hi = mid - 1; }
      return lo;
    };
    const regions = [];
    edits.forEach(function (e) {
      const a0 = lineOf(e[0]);
      const a1 = e[1] > e[0] ? lineOf(e[1] - 1) : a0;
      const last = regions[regions.length - 1];
      if (last && a0 <= last.a1) { last.a1 = Math.max(last.a1, a1); last.edits.push(e); }
      else regions.push({ a0: a0, a1: a1, edits: [e] });
    });
    const done = [];
    while (regions.length) {
      const r = regions.shift();
      for (;;) {
        const base = starts[r.a0];
        const end = starts[r.a1 + 1];
        const shifted = r.edits.map(function (e) { return [e[0] - base, e[1] - base, e[2]]; });
        r.text = splice(text.slice(base, end), shifted);
        const open = r.text !== "" && !/[\r\n]$/.test(r.text) && end < text.length;
        if (!open) break;
        r.a1 += 1;
        while (regions.length && regions[0].a0 <= r.a1) {
          const nx = regions.shift();
          r.a1 = Math.max(r.a1, nx.a1);
          r.edits = r.edits.concat(nx.edits);
        }
      }
      r.lines = splitLines(r.text);
      // Lines the change leaves as they were, at either end, are context, not a change.
      while (r.a0 <= r.a1 && r.lines.length && r.lines[0] === A[r.a0]) { r.lines.shift(); r.a0++; }
      while (r.a0 <= r.a1 && r.lines.length && r.lines[r.lines.length - 1] === A[r.a1]) { r.lines.pop(); r.a1--; }
      if (r.a0 <= r.a1 || r.lines.length) done.push(r);
    }
    const C = 3;
    const range = function (start, len) {
      if (len === 1) return String(start + 1);
      if (len === 0) return start + ",0";
      return (start + 1) + "," + len;
    };
    const out = ["--- a/" + path + "\n", "+++ b/" + path + "\n"];
    const emit = function (prefix, line) {
      out.push(prefix + line + (/[\r\n]$/.test(line) ? "" : "\n\\ No newline at end of file\n"));
    };
    let delta = 0;
    let g = 0;
    while (g < done.length) {
      let h = g;
      while (h + 1 < done.length && done[h + 1].a0 - done[h].a1 - 1 <= 2 * C) h++;
      const hs = Math.max(0, done[g].a0 - C);
      const he = Math.min(A.length, done[h].a1 + 1 + C);
      let growth = 0;
      const body = [];
      let pos = hs;
      for (let k = g; k <= h; k++) {
        const r = done[k];
        for (; pos < r.a0; pos++) body.push([" ", A[pos]]);
        for (let q = r.a0; q <= r.a1; q++) body.push(["-", A[q]]);
        r.lines.forEach(function (l) { body.push(["+", l]); });
        growth += r.lines.length - (r.a1 - r.a0 + 1);
        pos = r.a1 + 1;
      }
      for (; pos < he; pos++) body.push([" ", A[pos]]);
      const oldLen = he - hs;
      out.push("@@ -" + range(hs, oldLen) + " +" + range(hs + delta, oldLen + growth) + " @@\n");
      body.forEach(function (b) { emit(b[0], b[1]); });
      delta += growth;
      g = h + 1;
    }
    return out.join("");
  }
