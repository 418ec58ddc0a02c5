// medialit text-highlight widget (Streamlit components v2, plain ES module, no build step).
//
// Contract with medialit/ui/highlight.py:
//   data = {text, marks, seen, layers, heat, heat_max, readonly, height, labels}
//   - all offsets are CODE-POINT offsets into `text` (Python str indices), never UTF-16;
//   - `marks` are the student's marks as Python resolved them; `seen` is the raw "spans" value the
//     server last received from this browser (null if none);
//   - the widget answers with setStateValue("spans", [[s, e], ...]) (snapped, merged, sorted).
// The passage is only ever inserted as text nodes (textContent): documents may contain markup.
//
// snapSpan, mergeSpans and buildSegments are also exported for the Node parity test
// (tests/ui/test_highlight_pure.py); Streamlit only uses the default export.
//
// Streamlit re-invokes the default export whenever `data` changes but runs the cleanup only on
// unmount, so listeners are bound once per parentElement and per-instance state lives on it.

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
// Apostrophes and hyphens glue letters into one word ("aujourd’hui", "peut-être", "don't")...
const JOINERS = new Set(["'", "\u2019", "-", "\u2010", "\u2011"]);
const APOSTROPHES = new Set(["'", "\u2019"]);
// ...except after a French elided word: "l’économie" is two words (same sets as highlight.py).
const ELISIONS = new Set(["c", "ç", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]);
// Touch selection is adjusted with handles that fire no pointer events: commit once it rests.
const SETTLE_MS = 900;
const STATE = "__medialitHighlight";

const isWordChar = (c) => c !== undefined && WORD_RE.test(c);

/** True when the word ending just before code point i is a French elision ("l", "qu"...). */
function afterElision(cps, i) {
  let start = i;
  while (start > 0 && i - start < 7 && isWordChar(cps[start - 1])) start--;
  if (start > 0 && isWordChar(cps[start - 1])) return false; // longer than any elided word
  return ELISIONS.has(cps.slice(start, i).join("").toLowerCase());
}

/** True when code point i belongs to a word (same rule as highlight.py `_in_word`). */
function inWord(cps, i) {
  const c = cps[i];
  if (isWordChar(c)) return true;
  return (
    JOINERS.has(c) &&
    i > 0 &&
    i < cps.length - 1 &&
    isWordChar(cps[i - 1]) &&
    isWordChar(cps[i + 1]) &&
    !(APOSTROPHES.has(c) && afterElision(cps, i))
  );
}

/** Snap one span: grow cut words to whole words, then trim non-word edges. Null if nothing left. */
export function snapSpan(cps, s, e) {
  const n = cps.length;
  s = Math.max(0, Math.min(n, s));
  e = Math.max(0, Math.min(n, e));
  if (s >= e) return null;
  while (s > 0 && inWord(cps, s - 1) && inWord(cps, s)) s--;
  while (e < n && inWord(cps, e - 1) && inWord(cps, e)) e++;
  while (s < e && !inWord(cps, s)) s++;
  while (e > s && !inWord(cps, e - 1)) e--;
  return s < e ? [s, e] : null;
}

/** Sort and merge overlapping or touching spans (same rule as highlight.py `merge_spans`). */
export function mergeSpans(spans) {
  const sorted = spans.filter(([s, e]) => s < e).map(([s, e]) => [s, e]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function lowerBound(arr, x) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Cut [0, n) at every mark/layer/heat boundary (mirror of highlight.py `segments`). */
export function buildSegments(n, marks, layers, heatRuns, heatMax) {
  const cuts = new Set([0, n]);
  const addCuts = ([s, e]) => {
    cuts.add(s);
    cuts.add(e);
  };
  marks.forEach(addCuts);
  layers.forEach((layer) => layer.spans.forEach(addCuts));
  heatRuns.forEach(addCuts);
  const bounds = [...cuts].filter((x) => x >= 0 && x <= n).sort((a, b) => a - b);
  const segs = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    segs.push({ s: bounds[i], e: bounds[i + 1], mark: -1, layers: [], titles: [], heat: 0 });
  }
  const cover = (s, e, fn) => {
    for (let i = lowerBound(bounds, s); i < segs.length && segs[i].s < e; i++) fn(segs[i]);
  };
  marks.forEach(([s, e], idx) => cover(s, e, (seg) => (seg.mark = idx)));
  layers.forEach((layer) =>
    layer.spans.forEach(([s, e], j) =>
      cover(s, e, (seg) => {
        if (!seg.layers.includes(layer.cls)) seg.layers.push(layer.cls);
        const title = (layer.titles && layer.titles[j]) || layer.title;
        if (title && !seg.titles.includes(title)) seg.titles.push(title);
      }),
    ),
  );
  heatRuns.forEach(([s, e, c]) => cover(s, e, (seg) => (seg.heat = c)));
  for (const seg of segs) {
    seg.classes = ["seg"];
    if (seg.mark >= 0) seg.classes.push("mark-student");
    seg.classes.push(...seg.layers);
    if (seg.heat > 0 && heatMax > 0) seg.classes.push(`heat-${Math.ceil((seg.heat / heatMax) * 5)}`);
  }
  return segs;
}

function truncate(str, max) {
  const cps = Array.from(str.replace(/\s+/g, " ").trim());
  return cps.length > max ? `${cps.slice(0, max - 1).join("")}…` : cps.join("");
}

function fmt(template, n) {
  return String(template || "").replace("{n}", String(n));
}

// ---------------------------------------------------------------- rendering

function renderText(st) {
  const { box, cps, data } = st;
  const labels = data.labels;
  const active = st.root.activeElement;
  const focusedMark = active && active.matches && active.matches("mark.hl-mark") ? Number(active.dataset.i) : null;
  const scroll = box.scrollTop;
  const segs = buildSegments(cps.length, st.marks, data.layers, data.heat, data.heat_max);
  const nodes = [];
  let markEl = null;
  for (const seg of segs) {
    const span = document.createElement("span");
    span.className = seg.classes.join(" ");
    span.dataset.s = String(seg.s);
    span.dataset.e = String(seg.e);
    span.textContent = cps.slice(seg.s, seg.e).join("");
    const titles = [...seg.titles];
    if (seg.heat > 0 && labels.heat) titles.push(fmt(labels.heat, seg.heat));
    if (titles.length) span.title = titles.join(" · ");
    if (seg.mark < 0) {
      markEl = null;
      nodes.push(span);
      continue;
    }
    if (!markEl || markEl.dataset.i !== String(seg.mark)) {
      markEl = document.createElement("mark");
      markEl.className = "hl-mark";
      markEl.dataset.i = String(seg.mark);
      const [ms, me] = st.marks[seg.mark];
      markEl.dataset.s = String(ms);
      markEl.dataset.e = String(me);
      const excerpt = truncate(cps.slice(ms, me).join(""), 80);
      markEl.setAttribute("aria-label", `${data.readonly ? labels.marked : labels.remove}: ${excerpt}`);
      if (!data.readonly) {
        markEl.tabIndex = 0;
        markEl.title = labels.remove;
      }
      nodes.push(markEl);
    }
    markEl.appendChild(span);
  }
  box.replaceChildren(...nodes);
  box.scrollTop = scroll;
  if (focusedMark !== null) {
    const next = box.querySelector(`mark.hl-mark[data-i="${Math.min(focusedMark, st.marks.length - 1)}"]`);
    (next || box).focus({ preventScroll: true });
  }
  st.status.textContent = st.marks.length ? fmt(labels.count, st.marks.length) : labels.empty;
  st.status.hidden = Boolean(data.readonly && !st.marks.length);
}

function legendItem(classes, label) {
  const li = document.createElement("li");
  const sample = document.createElement("span");
  sample.className = `swatch ${classes}`;
  sample.setAttribute("aria-hidden", "true");
  const text = document.createElement("span");
  text.textContent = label;
  li.append(sample, text);
  return li;
}

function renderChrome(st) {
  const { data } = st;
  const labels = data.labels;
  st.hint.textContent = data.readonly ? "" : labels.hint;
  st.hint.hidden = data.readonly || !labels.hint;
  st.box.style.maxHeight = data.height ? `${data.height}px` : "";
  st.box.classList.toggle("readonly", Boolean(data.readonly));
  const items = [];
  if (!data.readonly || st.marks.length) items.push(legendItem("seg mark-student", labels.mine));
  for (const layer of data.layers) items.push(legendItem(`seg ${layer.cls}`, layer.title || layer.name));
  if (data.heat.length && labels.heat_legend) items.push(legendItem("seg heat-5", labels.heat_legend));
  st.legend.replaceChildren(...items);
  st.legend.hidden = items.length < 2 && !data.layers.length && !data.heat.length;
}

/** Everything the DOM depends on: equal keys mean re-rendering would change nothing. */
function viewKey(st) {
  const d = st.data;
  return JSON.stringify([d.text, st.marks, d.layers, d.heat, d.heat_max, d.readonly, d.height, d.labels]);
}

function render(st) {
  renderChrome(st);
  renderText(st);
  st.view = viewKey(st);
}

// ---------------------------------------------------------------- selection -> code points

/** The current selection as a live Range, looking inside our shadow root when there is one. */
function currentRange(root) {
  const docSel = document.getSelection();
  if (root instanceof ShadowRoot && typeof root.getSelection === "function") {
    const sel = root.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed) return sel.getRangeAt(0);
  }
  if (root instanceof ShadowRoot && docSel && typeof docSel.getComposedRanges === "function") {
    try {
      const [r] = docSel.getComposedRanges({ shadowRoots: [root] });
      if (r && !r.collapsed) {
        const live = document.createRange();
        live.setStart(r.startContainer, r.startOffset);
        live.setEnd(r.endContainer, r.endOffset);
        return live;
      }
    } catch (_err) {
      // Older signature or foreign nodes: fall through to the plain selection.
    }
  }
  if (docSel && docSel.rangeCount && !docSel.isCollapsed) return docSel.getRangeAt(0);
  return null;
}

/** Code-point offset of DOM boundary (node, offset); a boundary outside the box is clamped. */
function codePointOffset(st, node, offset) {
  const r = document.createRange();
  r.selectNodeContents(st.box);
  if (!st.box.contains(node)) {
    try {
      return r.comparePoint(node, offset) < 0 ? 0 : st.cps.length;
    } catch (_err) {
      return null; // another tree (outside our shadow root): position unknown
    }
  }
  r.setEnd(node, offset);
  // Range.toString() is UTF-16; Array.from() counts code points, which is what Python indexes.
  return Array.from(r.toString()).length;
}

/** The selection as a [start, end) code-point span in the text, or null if it is not in it. */
function selectionSpan(st) {
  const range = currentRange(st.root);
  if (!range) return null;
  // At least one end must be in the text: a select-all of the page is not a mark.
  if (!st.box.contains(range.startContainer) && !st.box.contains(range.endContainer)) return null;
  const s = codePointOffset(st, range.startContainer, range.startOffset);
  const e = codePointOffset(st, range.endContainer, range.endOffset);
  if (s === null && e === null) return null;
  const span = [s === null ? 0 : s, e === null ? st.cps.length : e];
  return span[0] < span[1] ? span : null;
}

function clearSelection(st) {
  const sel = st.root.getSelection ? st.root.getSelection() : null;
  if (sel) sel.removeAllRanges();
  const docSel = document.getSelection();
  if (docSel) docSel.removeAllRanges();
}

// ---------------------------------------------------------------- editing

function send(st) {
  const spans = st.marks.map(([s, e]) => [s, e]);
  st.lastSent = JSON.stringify(spans);
  st.setStateValue("spans", spans);
}

/** Turn the current selection into a mark. True if there was a selection in the text. */
function commitSelection(st) {
  clearTimeout(st.settleTimer);
  if (st.data.readonly) return false;
  const span = selectionSpan(st);
  if (!span) return false;
  st.committedGesture = st.gesture;
  clearSelection(st);
  const snapped = snapSpan(st.cps, span[0], span[1]);
  if (!snapped) return true;
  const merged = mergeSpans([...st.marks, snapped]);
  if (JSON.stringify(merged) !== JSON.stringify(st.marks)) {
    st.marks = merged;
    render(st);
    send(st);
  }
  return true;
}

function removeMark(st, index) {
  if (st.data.readonly || index < 0 || index >= st.marks.length) return;
  st.marks = st.marks.filter((_m, i) => i !== index);
  render(st);
  send(st);
}

function bindListeners(st) {
  const { box } = st;
  box.addEventListener("pointerdown", (ev) => {
    st.pointerDown = ev.pointerType || "mouse";
    st.gesture += 1;
  });
  const onPointerUp = (ev) => {
    const kind = st.pointerDown;
    st.pointerDown = null;
    setTimeout(() => {
      // Touch selections are still being adjusted with handles: the settle timer commits them.
      if (kind && kind !== "touch" && ev.pointerType !== "touch") commitSelection(st);
      applyPending(st);
    }, 0);
  };
  const onSelectionChange = () => {
    clearTimeout(st.settleTimer);
    if (st.pointerDown && st.pointerDown !== "touch") return;
    st.settleTimer = setTimeout(() => {
      if (!st.pointerDown || st.pointerDown === "touch") commitSelection(st);
    }, SETTLE_MS);
  };
  box.addEventListener("touchend", () => {
    st.pointerDown = null;
    onSelectionChange();
  });
  box.addEventListener("click", (ev) => {
    const mark = ev.target.closest && ev.target.closest("mark.hl-mark");
    if (!mark || st.data.readonly) return;
    // The click that ends a drag (selection still there, or already turned into a mark) must not
    // also remove the mark under the pointer.
    if (selectionSpan(st) || st.committedGesture === st.gesture) return;
    removeMark(st, Number(mark.dataset.i));
  });
  box.addEventListener("keydown", (ev) => {
    const mark = ev.target.closest && ev.target.closest("mark.hl-mark");
    if (!mark || st.data.readonly) return;
    if (["Enter", " ", "Delete", "Backspace"].includes(ev.key)) {
      ev.preventDefault();
      removeMark(st, Number(mark.dataset.i));
    }
  });
  document.addEventListener("pointerup", onPointerUp, true);
  document.addEventListener("pointercancel", onPointerUp, true);
  document.addEventListener("selectionchange", onSelectionChange);
  return () => {
    clearTimeout(st.settleTimer);
    document.removeEventListener("pointerup", onPointerUp, true);
    document.removeEventListener("pointercancel", onPointerUp, true);
    document.removeEventListener("selectionchange", onSelectionChange);
  };
}

function createInstance(root) {
  const wrap = root.querySelector(".hl");
  const st = {
    root,
    wrap,
    hint: wrap.querySelector(".hl-hint"),
    box: wrap.querySelector(".hl-text"),
    status: wrap.querySelector(".hl-status"),
    legend: wrap.querySelector(".hl-legend"),
    data: null,
    text: null,
    cps: [],
    marks: [],
    lastSent: null,
    gesture: 0,
    committedGesture: -1,
    pointerDown: null,
    settleTimer: 0,
    setStateValue: () => {},
    pendingData: null,
    view: null,
  };
  st.cleanup = bindListeners(st);
  return st;
}

/** Data that arrived during a drag: applied at pointerup (re-rendering mid-drag loses the anchor). */
function applyPending(st) {
  const data = st.pendingData;
  st.pendingData = null;
  if (data) update(st, data);
}

/** Apply new data from Python, keeping local edits that the server has not seen yet. */
function update(st, data) {
  if (st.pointerDown && st.data) {
    st.pendingData = data;
    return;
  }
  const textChanged = st.text !== data.text;
  st.data = data;
  if (textChanged) {
    st.text = data.text;
    st.cps = Array.from(data.text);
  }
  const seen = data.seen == null ? null : JSON.stringify(data.seen);
  // Data computed before the server received our latest edit is stale for the marks only.
  const stale = !textChanged && st.lastSent !== null && seen !== st.lastSent;
  if (!stale) st.marks = mergeSpans(data.marks);
  const wanted = JSON.stringify(st.marks);
  // Python changed the marks (keyboard, reset, another text) while the browser still holds an
  // older "spans": send Python's value back so the next real edit is a change on the server too.
  if (!stale && !data.readonly && seen !== null && seen !== wanted) send(st);
  // Re-render only when something visible changed: a rerun that changes nothing must not reset
  // the DOM (and with it a selection in progress or the focus).
  if (viewKey(st) !== st.view) render(st);
}

export default function (component) {
  const { parentElement, data, setStateValue } = component;
  const root = parentElement;
  let st = root[STATE];
  if (!st) {
    st = createInstance(root);
    root[STATE] = st;
  }
  st.setStateValue = setStateValue;
  update(st, data);
  return () => {
    st.cleanup();
    delete root[STATE];
  };
}
