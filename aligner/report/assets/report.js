// Filters by severity and kind, j/k from finding to finding, and marks of the map that open folded groups.
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-filter]"));
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var current = -1;

  function allowed(kind) {
    var set = {};
    boxes.forEach(function (box) { if (box.dataset.filter === kind && box.checked) { set[box.value] = true; } });
    return set;
  }

  function apply() {
    var severities = allowed("severity"), kinds = allowed("kind"), shown = 0;
    findings.forEach(function (finding) {
      var visible = severities[finding.dataset.severity] && kinds[finding.dataset.kind];
      finding.classList.toggle("hidden", !visible);
      if (visible) { shown += 1; }
    });
    document.getElementById("visible-count").textContent = shown + " of " + findings.length + " findings shown";
  }

  function reveal(element) {
    for (var node = element; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") { node.open = true; }
    }
    element.scrollIntoView({block: "center"});
  }

  function step(direction) {
    var visible = findings.filter(function (f) { return !f.classList.contains("hidden"); });
    if (!visible.length) { return; }
    var at = visible.indexOf(findings[current]);
    var next = visible[(at + direction + visible.length) % visible.length] || visible[0];
    current = findings.indexOf(next);
    reveal(next);
    next.focus({preventScroll: true});
  }

  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  document.addEventListener("keydown", function (event) {
    if (event.target.tagName === "INPUT" || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.key === "j" || event.key === "n") { step(1); }
    if (event.key === "k" || event.key === "p") { step(-1); }
  });
  function follow() {
    var target = location.hash && document.getElementById(location.hash.slice(1));
    if (target) { reveal(target); }
  }
  window.addEventListener("hashchange", follow);
  apply();
  follow();
})();
