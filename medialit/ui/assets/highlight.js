// medialit text-highlight widget (Streamlit components v2, plain ES module, no build step).
//
// Contract with medialit/ui/highlight.py:
//   data = {text, marks, seen, layers, heat, heat_max, readonly, sentences, height, labels}
//   - all offsets are CODE-POINT offsets into `text` (Python str indices), never UTF-16;
//   - `marks` are the student's marks as Python resolved them; `seen` is the raw "spans" value the
//     server last received from this browser (null if none);
//   - the widget answers with setStateValue("spans", [[s, e], ...]) (snapped, merged, sorted).
// The passage is only ever inserted as text nodes (textContent): documents may contain markup.
//
// snapSpan, mergeSpans, buildSegments, wordSpans and findPassages are also exported for the Node
// parity test (tests/ui/test_highlight_pure.py); Streamlit only uses the default export.
//
// Keyboard mode (same marks as the mouse: every keyboard selection is whole words, and marks go
// through snapSpan/mergeSpans/send like a mouse selection): a word caret in the text box (arrows,
// Shift to extend, Home/End for the sentence, Enter/Space to mark, Delete to remove) and a "find a
// passage" field whose matches (findPassages) become the selection; a toolbar does the same by tap.
//
// Streamlit re-invokes the default export whenever `data` changes but runs the cleanup only on
// unmount, so listeners are bound once per parentElement and per-instance state lives on it.

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
// Apostrophes and hyphens glue letters into one word ("aujourd’hui", "peut-être", "don't")...
const JOINERS = new Set(["'", "\u2019", "-", "\u2010", "\u2011"]);
const APOSTROPHES = new Set(["'", "\u2019"]);
// ...except after a French elided word: "l’économie" is two words (same sets as highlight.py).
const ELISIONS = new Set(["c", "ç", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]);
// The "find a passage" field compares folded text (same table as highlight.py `_SEARCH_FOLDS`).
const SEARCH_FOLDS = new Map([
  ..."'\u2019\u2018\u02bc\u2032`\u00b4".split("").map((c) => [c, "'"]),
  ...'"\u00ab\u00bb\u201c\u201d\u201e\u2033'.split("").map((c) => [c, '"']),
  ..."-\u2010\u2011\u2012\u2013\u2014\u2212".split("").map((c) => [c, "-"]),
  ["\u2026", "..."],
  ["\u0153", "oe"],
  ["\u0152", "oe"],
  ["\u00e6", "ae"],
  ["\u00c6", "ae"],
]);
const SPACE_RE = /^[\p{Z}\t\n\v\f\r]$/u;
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

/** The words of the text as [start, end) code-point spans: the maximal runs of inWord chars. A
 *  span from one word's start to another's end is its own snapSpan: keyboard marks need no snapping. */
export function wordSpans(cps) {
  const out = [];
  let start = -1;
  for (let i = 0; i <= cps.length; i++) {
    const inside = i < cps.length && inWord(cps, i);
    if (inside && start < 0) start = i;
    else if (!inside && start >= 0) {
      out.push([start, i]);
      start = -1;
    }
  }
  return out;
}

function foldChar(c) {
  if (SPACE_RE.test(c)) return " ";
  if (SEARCH_FOLDS.has(c)) return SEARCH_FOLDS.get(c);
  return c.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Folded text and, per UTF-16 unit of it (what indexOf counts), the code point it comes from
 *  (highlight.py `fold_for_search`, which counts code points: the spans found are the same). */
export function foldForSearch(cps) {
  let folded = "";
  const origin = [];
  cps.forEach((c, i) => {
    for (const piece of foldChar(c)) {
      if (piece === " " && folded.endsWith(" ")) continue;
      folded += piece;
      for (let unit = 0; unit < piece.length; unit++) origin.push(i);
    }
  });
  return { folded, origin };
}

/** Every passage the find field selects for `query`, snapped to words (highlight.py `find_passages`). */
export function findPassages(cps, query, folded = null) {
  const needle = foldForSearch(Array.from(query)).folded.replace(/^ +| +$/g, "");
  if (!needle) return [];
  const { folded: hay, origin } = folded || foldForSearch(cps);
  const found = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const span = snapSpan(cps, origin[at], origin[at + needle.length - 1] + 1);
    const last = found[found.length - 1];
    if (span && !(last && last[0] === span[0] && last[1] === span[1])) found.push(span);
  }
  return found;
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

/** Fill "{name}" placeholders of a label from `values`. */
function fill(template, values) {
  return String(template || "").replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// ---------------------------------------------------------------- rendering

function renderText(st) {
  const { box, cps, data } = st;
  const labels = data.labels;
  const active = st.root.activeElement;
  const focusedMark = active && active.matches && active.matches("mark.hl-mark") ? Number(active.dataset.i) : null;
  const scroll = box.scrollTop;
  const keyboard = keyboardLayers(st);
  const segs = buildSegments(cps.length, st.marks, [...data.layers, ...keyboard], data.heat, data.heat_max);
  const nodes = [];
  st.segEls = [];
  let markEl = null;
  for (const seg of segs) {
    const span = document.createElement("span");
    span.className = seg.classes.join(" ");
    span.dataset.s = String(seg.s);
    span.dataset.e = String(seg.e);
    span.textContent = cps.slice(seg.s, seg.e).join("");
    st.segEls.push({ s: seg.s, e: seg.e, el: span });
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
  if (st.scrollToCaret) {
    st.scrollToCaret = false;
    const caret = box.querySelector(".kb-caret");
    if (caret) caret.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
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
  renderTools(st);
  const items = [];
  if (!data.readonly || st.marks.length) items.push(legendItem("seg mark-student", labels.mine));
  for (const layer of data.layers) items.push(legendItem(`seg ${layer.cls}`, layer.title || layer.name));
  if (data.heat.length && labels.heat_legend) items.push(legendItem("seg heat-5", labels.heat_legend));
  st.legend.replaceChildren(...items);
  st.legend.hidden = items.length < 2 && !data.layers.length && !data.heat.length;
}

/** The keyboard tools (find field, toolbar, key help) and the text box's role: editable only. */
function renderTools(st) {
  const { data, box } = st;
  const labels = data.labels;
  const editable = !data.readonly;
  st.tools.hidden = !editable;
  if (!editable) {
    box.setAttribute("role", "document");
    ["aria-roledescription", "aria-label"].forEach((name) => box.removeAttribute(name));
    return;
  }
  // Arrow keys belong to the widget (a word caret), so screen readers must pass them through.
  box.setAttribute("role", "application");
  box.setAttribute("aria-roledescription", labels.region_role || "");
  box.setAttribute("aria-label", labels.region || "");
  st.keys.textContent = labels.keys || "";
  st.helpTitle.textContent = labels.help || "";
  st.findLabel.textContent = labels.find || "";
  st.find.placeholder = labels.find_placeholder || "";
  st.findHelp.textContent = labels.find_help || "";
  st.toolbar.setAttribute("aria-label", labels.tools || "");
  for (const [act, name] of [["prev", "prev"], ["next", "next"]]) {
    const button = st.buttons[act];
    button.setAttribute("aria-label", labels[name] || "");
    button.title = labels[name] || "";
  }
  st.buttons.mark.textContent = labels.mark || "";
  st.buttons.unmark.textContent = labels.unmark || "";
  updateTools(st);
}

/** Everything the DOM depends on: equal keys mean re-rendering would change nothing. */
function viewKey(st) {
  const d = st.data;
  const keyboard = st.kbShow ? st.sel : null;
  return JSON.stringify([d.text, st.marks, d.layers, d.heat, d.heat_max, d.readonly, d.height, d.labels, keyboard]);
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

// ---------------------------------------------------------------- keyboard mode

/** The keyboard selection and its caret word, drawn as two extra layers while keyboard mode is on. */
function keyboardLayers(st) {
  if (!st.sel || !st.kbShow || st.data.readonly) return [];
  return [
    { cls: "kb-sel", spans: [selSpan(st)], titles: [], title: null },
    { cls: "kb-caret", spans: [st.words[st.sel.focus]], titles: [], title: null },
  ];
}

/** The selection as a [start, end) code-point span: from the first word's start to the last's end. */
function selSpan(st) {
  const { anchor, focus } = st.sel;
  return [st.words[Math.min(anchor, focus)][0], st.words[Math.max(anchor, focus)][1]];
}

function quote(st, span) {
  return fill(st.data.labels.quote || "“{text}”", { text: truncate(st.cps.slice(span[0], span[1]).join(""), 100) });
}

/** Say `message` in the polite live region (a repeated message is changed slightly to be re-read). */
function announce(st, message) {
  st.live.textContent = st.live.textContent === message ? `${message}\u00a0` : message;
}

const covers = (mark, span) => mark[0] <= span[0] && span[1] <= mark[1];
const overlaps = (mark, span) => mark[0] < span[1] && span[0] < mark[1];

function describeSelection(st) {
  const span = selSpan(st);
  const marked = st.marks.some((m) => covers(m, span));
  return fill(marked ? st.data.labels.selected_marked : st.data.labels.selected, { text: quote(st, span) });
}

/** Index of the word that contains code point `cp`, else the next word (the last one at the end). */
function wordAt(st, cp) {
  const ends = st.wordEnds;
  return Math.min(lowerBound(ends, cp + 1), st.words.length - 1);
}

/** Move the selection to words anchor..focus, draw it, scroll it into view, say it. */
function select(st, anchor, focus, message = null) {
  st.sel = { anchor, focus };
  st.kbShow = true;
  st.scrollToCaret = true;
  render(st);
  announce(st, message || describeSelection(st));
}

/** The DOM point (text node, UTF-16 offset) of code point `cp`, in the segments last rendered. */
function domPoint(st, cp) {
  const segs = st.segEls;
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid].s <= cp) lo = mid;
    else hi = mid - 1;
  }
  const seg = segs[lo];
  return { node: seg.el.firstChild, offset: st.cps.slice(seg.s, Math.min(cp, seg.e)).join("").length };
}

function wordRect(st, i) {
  const [s, e] = st.words[i];
  const a = domPoint(st, s);
  const b = domPoint(st, e);
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  const rects = range.getClientRects();
  return rects.length ? rects[0] : range.getBoundingClientRect();
}

/** The word on the next (dir = 1) or previous (dir = -1) visual line nearest the caret horizontally. */
function lineTarget(st, from, dir) {
  const here = wordRect(st, from);
  const x = (here.left + here.right) / 2;
  const slack = Math.max(2, here.height / 2);
  let lineTop = null;
  let best = from;
  let bestDistance = Infinity;
  for (let i = from + dir; i >= 0 && i < st.words.length; i += dir) {
    const r = wordRect(st, i);
    const otherLine = dir > 0 ? r.top >= here.bottom - slack : r.bottom <= here.top + slack;
    if (!otherLine) continue;
    if (lineTop === null) lineTop = r.top;
    else if (Math.abs(r.top - lineTop) > slack) break;
    const distance = Math.abs((r.left + r.right) / 2 - x);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = i;
    }
  }
  return best;
}

/** The first word visible in the text box (where the caret starts when there is none yet). */
function firstVisibleWord(st) {
  const top = st.box.getBoundingClientRect().top;
  let lo = 0;
  let hi = st.words.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (wordRect(st, mid).bottom <= top) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Home / End: the first or last word of the caret's sentence, or of the one before / after. */
function sentenceTarget(st, from, dir) {
  const [ws, we] = st.words[from];
  const units = st.data.sentences || [];
  let k = units.findIndex(([s, e]) => s <= ws && we <= e);
  if (k < 0) return dir < 0 ? 0 : st.words.length - 1;
  const edge = (unit) => (dir < 0 ? wordAt(st, unit[0]) : lowerBound(st.wordEnds, unit[1] + 1) - 1);
  if (edge(units[k]) === from && units[k + dir]) k += dir;
  return Math.max(0, Math.min(st.words.length - 1, edge(units[k])));
}

/** Where a navigation key sends the caret, or null when the key is not one. */
function navTarget(st, ev) {
  const last = st.words.length - 1;
  const focus = st.sel.focus;
  switch (ev.key) {
    case "ArrowRight":
      return Math.min(focus + 1, last);
    case "ArrowLeft":
      return Math.max(focus - 1, 0);
    case "ArrowDown":
      return lineTarget(st, focus, 1);
    case "ArrowUp":
      return lineTarget(st, focus, -1);
    case "Home":
      return ev.ctrlKey || ev.metaKey ? 0 : sentenceTarget(st, focus, -1);
    case "End":
      return ev.ctrlKey || ev.metaKey ? last : sentenceTarget(st, focus, 1);
    default:
      return null;
  }
}

const NAV_KEYS = new Set(["ArrowRight", "ArrowLeft", "ArrowDown", "ArrowUp", "Home", "End"]);

/** A key pressed in the text box. True when the widget handled it. */
function onTextKey(st, ev) {
  if (!st.words.length || ev.altKey) return false;
  if (NAV_KEYS.has(ev.key)) {
    if (!st.sel || !st.kbShow) {
      const start = st.sel ? st.sel.focus : firstVisibleWord(st);
      select(st, start, start);
      return true;
    }
    const target = navTarget(st, ev);
    select(st, ev.shiftKey ? st.sel.anchor : target, target);
    return true;
  }
  if (ev.ctrlKey || ev.metaKey) return false;
  switch (ev.key) {
    case "Enter":
    case " ":
      markSelection(st);
      return true;
    case "Delete":
    case "Backspace":
      unmarkSelection(st);
      return true;
    case "Escape":
      if (!st.sel || !st.kbShow || st.sel.anchor === st.sel.focus) return false;
      select(st, st.sel.focus, st.sel.focus);
      return true;
    case "/":
      st.find.focus();
      st.find.select();
      return true;
    default:
      return false;
  }
}

/** Mark the keyboard selection (whole words: the same span a mouse selection of them gives). */
function markSelection(st) {
  const labels = st.data.labels;
  if (!st.sel || !st.kbShow || st.data.readonly) {
    announce(st, labels.no_selection);
    return;
  }
  const raw = selSpan(st);
  const span = snapSpan(st.cps, raw[0], raw[1]);
  const merged = mergeSpans([...st.marks, span]);
  if (JSON.stringify(merged) === JSON.stringify(st.marks)) {
    announce(st, fill(labels.already, { text: quote(st, span) }));
    return;
  }
  st.marks = merged;
  st.kbShow = true;
  render(st);
  send(st);
  announce(st, fill(labels.did_mark, { text: quote(st, span) }));
}

/** Remove every mark that the keyboard selection touches (whole marks, as a click on one does). */
function unmarkSelection(st) {
  const labels = st.data.labels;
  if (!st.sel || !st.kbShow || st.data.readonly) {
    announce(st, labels.no_selection);
    return;
  }
  const span = selSpan(st);
  const removed = st.marks.filter((m) => overlaps(m, span));
  if (!removed.length) {
    announce(st, labels.no_mark_here);
    return;
  }
  st.marks = st.marks.filter((m) => !overlaps(m, span));
  render(st);
  send(st);
  announce(st, fill(labels.did_unmark, { text: removed.map((m) => quote(st, m)).join(", ") }));
}

/** The find field changed: its matches, the first one selected. */
function onFindInput(st) {
  st.matches = findPassages(st.cps, st.find.value, st.folded);
  st.matchIndex = -1;
  if (st.matches.length) showMatch(st, 0);
  else {
    updateTools(st);
    if (st.find.value.trim()) announce(st, fill(st.data.labels.not_found, { text: st.find.value.trim() }));
  }
}

function showMatch(st, index) {
  const n = st.matches.length;
  if (!n) return;
  st.matchIndex = ((index % n) + n) % n;
  const [s, e] = st.matches[st.matchIndex];
  const anchor = wordAt(st, s);
  const focus = lowerBound(st.wordEnds, e);
  const message = fill(st.data.labels.found, { i: st.matchIndex + 1, n, text: quote(st, [s, e]) });
  select(st, anchor, focus, message);
}

/** A key pressed in the find field. True when the widget handled it. */
function onFindKey(st, ev) {
  const step = ev.key === "ArrowDown" || (ev.key === "Enter" && !ev.shiftKey) ? 1 : -1;
  if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
    markSelection(st);
    return true;
  }
  if (ev.key === "Enter" || ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    if (st.matches.length) showMatch(st, st.matchIndex + step);
    else if (st.find.value.trim()) announce(st, fill(st.data.labels.not_found, { text: st.find.value.trim() }));
    return true;
  }
  if (ev.key === "Escape") {
    st.box.focus();
    if (st.sel) announce(st, describeSelection(st));
    return true;
  }
  return false;
}

/** The find count and which tools apply now (aria-disabled keeps them focusable). */
function updateTools(st) {
  if (!st.data || st.data.readonly) return;
  const labels = st.data.labels;
  const n = st.matches.length;
  st.findCount.textContent = n
    ? fill(labels.find_count, { i: st.matchIndex + 1, n })
    : st.find.value.trim()
      ? labels.find_none
      : "";
  const span = st.sel && st.kbShow ? selSpan(st) : null;
  const enabled = {
    prev: n > 0,
    next: n > 0,
    mark: Boolean(span),
    unmark: Boolean(span && st.marks.some((m) => overlaps(m, span))),
  };
  for (const [act, on] of Object.entries(enabled)) st.buttons[act].setAttribute("aria-disabled", String(!on));
}

function onToolbarAction(st, act) {
  if (act === "prev" || act === "next") {
    if (st.matches.length) showMatch(st, st.matchIndex + (act === "next" ? 1 : -1));
  } else if (act === "mark") markSelection(st);
  else if (act === "unmark") unmarkSelection(st);
}

/** Toolbar: one tab stop, arrows move between its buttons (WAI-ARIA toolbar pattern). */
function onToolbarKey(st, ev) {
  const order = ["prev", "next", "mark", "unmark"].map((act) => st.buttons[act]);
  const at = order.indexOf(ev.target.closest("button"));
  if (at < 0) return false;
  const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: order.length - 1 };
  if (!(ev.key in moves)) return false;
  const next = order[(moves[ev.key] + order.length) % order.length];
  order.forEach((button) => (button.tabIndex = button === next ? 0 : -1));
  next.focus();
  return true;
}

function bindKeyboard(st) {
  const { box, find, toolbar } = st;
  box.addEventListener("keydown", (ev) => {
    if (st.data.readonly) return;
    const mark = ev.target.closest && ev.target.closest("mark.hl-mark");
    if (mark && ["Enter", " ", "Delete", "Backspace"].includes(ev.key)) {
      ev.preventDefault();
      ev.stopPropagation();
      removeMark(st, Number(mark.dataset.i));
      return;
    }
    if (mark && NAV_KEYS.has(ev.key)) {
      // From a focused mark the caret starts on its first word, in the text box.
      const i = wordAt(st, Number(mark.dataset.s));
      st.sel = { anchor: i, focus: i };
      st.kbShow = true;
      box.focus({ preventScroll: true });
    } else if (mark) return;
    if (onTextKey(st, ev)) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  });
  find.addEventListener("input", () => onFindInput(st));
  find.addEventListener("keydown", (ev) => {
    if (onFindKey(st, ev)) ev.preventDefault();
  });
  toolbar.addEventListener("click", (ev) => {
    const button = ev.target.closest("button");
    if (button && button.getAttribute("aria-disabled") !== "true") onToolbarAction(st, button.dataset.act);
  });
  toolbar.addEventListener("keydown", (ev) => {
    if (onToolbarKey(st, ev)) {
      ev.preventDefault();
      ev.stopPropagation();
    }
  });
}

function bindListeners(st) {
  const { box } = st;
  box.addEventListener("pointerdown", (ev) => {
    st.pointerDown = ev.pointerType || "mouse";
    st.gesture += 1;
    st.kbShow = false; // the pointer takes over: the keyboard selection goes at the next render
  });
  const onPointerUp = (ev) => {
    const kind = st.pointerDown;
    st.pointerDown = null;
    setTimeout(() => {
      // Touch selections are still being adjusted with handles: the settle timer commits them.
      if (kind && kind !== "touch" && ev.pointerType !== "touch") commitSelection(st);
      applyPending(st);
      if (kind && st.data && viewKey(st) !== st.view) render(st); // drop the keyboard selection
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
    tools: wrap.querySelector(".hl-tools"),
    find: wrap.querySelector(".hl-find"),
    findLabel: wrap.querySelector(".hl-find-label"),
    findCount: wrap.querySelector(".hl-find-count"),
    findHelp: wrap.querySelector(".hl-find-help"),
    toolbar: wrap.querySelector(".hl-toolbar"),
    buttons: Object.fromEntries([...wrap.querySelectorAll(".hl-toolbar button")].map((b) => [b.dataset.act, b])),
    keys: wrap.querySelector(".hl-keys"),
    helpTitle: wrap.querySelector(".hl-help-title"),
    live: wrap.querySelector(".hl-live"),
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
    // keyboard mode
    words: [],
    wordEnds: [],
    folded: null,
    sel: null, // {anchor, focus}: word indices
    kbShow: false, // the keyboard selection is drawn (not after the pointer took over)
    scrollToCaret: false,
    segEls: [],
    matches: [],
    matchIndex: -1,
  };
  st.buttons.prev.tabIndex = 0;
  ["next", "mark", "unmark"].forEach((act) => (st.buttons[act].tabIndex = -1));
  st.cleanup = bindListeners(st);
  bindKeyboard(st);
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
    st.words = wordSpans(st.cps);
    st.wordEnds = st.words.map((w) => w[1]);
    st.folded = foldForSearch(st.cps);
    st.sel = null;
    st.matches = st.find.value ? findPassages(st.cps, st.find.value, st.folded) : [];
    st.matchIndex = -1;
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
