// Line numbers beside the lesson lab's YAML editor (a Streamlit text area has none, and the validator
// gives every problem by line). A gutter is laid over the text area's left padding; each number sits at
// the top of its line, measured on a hidden copy of the text with the same width and font, so a long
// line that wraps keeps one number. Installed once per page; it follows the text area across reruns.
// No "<" directly before a letter or "/" in this file: Streamlit's HTML sanitiser drops such a script.
(function () {
  if (window.__medialitLineNumbers) return;
  window.__medialitLineNumbers = true;
  var SELECTOR = ".st-key-lab-editor textarea";
  var GUTTER = 44; // px: the numbers' column, inside the text area's left padding

  function measure(area, lines) {
    var style = window.getComputedStyle(area);
    var mirror = document.createElement("div");
    ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "tabSize"].forEach(function (p) {
      mirror.style[p] = style[p];
    });
    mirror.style.cssText += ";position:absolute;visibility:hidden;left:-10000px;top:0;padding:0;border:0;" +
      "white-space:pre-wrap;overflow-wrap:break-word;box-sizing:content-box";
    var padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    mirror.style.width = Math.max(10, area.clientWidth - padding) + "px";
    lines.forEach(function (line) {
      var row = document.createElement("div");
      row.textContent = line.length ? line : "\u200b";
      mirror.appendChild(row);
    });
    document.body.appendChild(mirror);
    var tops = [];
    for (var i = 0; i < mirror.children.length; i++) tops.push(mirror.children[i].offsetTop);
    document.body.removeChild(mirror);
    return tops;
  }

  function place(area) {
    var gutter = area.__medialitGutter;
    gutter.style.top = area.offsetTop + area.clientTop + "px";
    gutter.style.left = area.offsetLeft + area.clientLeft + "px";
    gutter.style.height = area.clientHeight + "px";
    gutter.firstChild.style.transform = "translateY(" + -area.scrollTop + "px)";
  }

  function draw(area) {
    var top = parseFloat(window.getComputedStyle(area).paddingTop);
    var column = area.__medialitGutter.firstChild;
    var numbers = document.createDocumentFragment();
    measure(area, area.value.split("\n")).forEach(function (y, i) {
      var number = document.createElement("span");
      number.style.top = top + y + "px";
      number.textContent = String(i + 1);
      numbers.appendChild(number);
    });
    column.replaceChildren(numbers);
    area.__medialitShown = area.value;
    place(area);
  }

  function attach(area) {
    if (area.__medialitGutter) return;
    var holder = area.parentElement;
    if (window.getComputedStyle(holder).position === "static") holder.style.position = "relative";
    var gutter = document.createElement("div");
    gutter.className = "ml-line-numbers";
    gutter.setAttribute("aria-hidden", "true");
    gutter.setAttribute("data-testid", "lab-line-numbers");
    gutter.appendChild(document.createElement("div"));
    holder.appendChild(gutter);
    area.__medialitGutter = gutter;
    area.style.paddingLeft = GUTTER + 8 + "px";
    area.addEventListener("input", function () { draw(area); });
    area.addEventListener("scroll", function () { place(area); });
    if (window.ResizeObserver) new ResizeObserver(function () { draw(area); }).observe(area);
    draw(area);
  }

  function watch() {
    var area = document.querySelector(SELECTOR);
    if (!area) return;
    attach(area);
    if (area.__medialitShown !== area.value) draw(area);  // text replaced by a rerun (revert, reload)
  }
  setInterval(watch, 400);
  watch();
})();
