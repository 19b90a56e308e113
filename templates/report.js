// Filter and sort of the staff report. Without scripts everything is shown, in Appendix 1 order.
(function () {
  "use strict";
  var controls = document.getElementById("controls");
  if (!controls) { return; }
  controls.hidden = false;
  var nameBox = document.getElementById("f-name");
  var checkBox = document.getElementById("f-check");
  var unknownBox = document.getElementById("f-unknown");
  var sortBox = document.getElementById("f-sort");
  var count = document.getElementById("f-count");
  var tbody = document.querySelector("table.matrix tbody");
  var units = document.getElementById("units");

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d")
      .toLowerCase();
  }

  function shown(item) {
    var name = fold(nameBox.value.trim());
    if (name && fold(item.getAttribute("data-name")).indexOf(name) < 0) { return false; }
    var check = checkBox.value;
    if (check === "any-o" && item.getAttribute("data-failing") === "") { return false; }
    if (check && check !== "any-o" && (" " + item.getAttribute("data-failing") + " ").indexOf(" " + check + " ") < 0) {
      return false;
    }
    if (unknownBox.checked && item.getAttribute("data-unknown") !== "1") { return false; }
    return true;
  }

  function key(item) {
    var order = Number(item.getAttribute("data-order"));
    var posts = item.getAttribute("data-posts");
    if (sortBox.value === "posts") { return [posts === "" ? 1 : 0, -(Number(posts) || 0), order]; }
    if (sortBox.value === "failing") { return [-Number(item.getAttribute("data-fails")), order]; }
    if (sortBox.value === "name") { return [fold(item.getAttribute("data-name")), order]; }
    return [order];
  }

  function compare(a, b) {
    var ka = key(a), kb = key(b);
    for (var i = 0; i < ka.length; i++) {
      if (ka[i] < kb[i]) { return -1; }
      if (ka[i] > kb[i]) { return 1; }
    }
    return 0;
  }

  function apply() {
    var visible = 0;
    [tbody, units].forEach(function (container) {
      if (!container) { return; }
      var items = Array.prototype.slice.call(container.children).filter(function (el) {
        return el.hasAttribute("data-order");
      });
      items.sort(compare).forEach(function (el) {
        container.appendChild(el);
        el.hidden = !shown(el);
        if (container === tbody && !el.hidden) { visible++; }
      });
    });
    count.textContent = visible + " đơn vị";
  }

  [nameBox, checkBox, unknownBox, sortBox].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });
  apply();
})();
