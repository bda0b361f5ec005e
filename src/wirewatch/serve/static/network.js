// wirewatch dashboard: drag and zoom the network drawing. Written for wirewatch (Apache-2.0), no library.
// Wheel: zoom at the pointer. Drag the background: pan. Drag an actor: move it, its edges follow.
// Double-click: back to the whole drawing. A click that did not drag still follows the actor's link.
(function () {
  "use strict";
  var svg = document.querySelector("#network svg");
  if (!svg) { return; }
  var box = svg.viewBox.baseVal;
  var whole = { x: box.x, y: box.y, width: box.width, height: box.height };
  var drag = null;

  function at(evt) {
    var p = svg.createSVGPoint();
    p.x = evt.clientX;
    p.y = evt.clientY;
    return p.matrixTransform(svg.getScreenCTM().inverse());
  }

  function moveNode(node, x, y) {
    var key = node.getAttribute("data-key");
    var circle = node.querySelector("circle");
    var label = node.querySelector("text");
    var r = parseFloat(circle.getAttribute("r"));
    circle.setAttribute("cx", x);
    circle.setAttribute("cy", y);
    label.setAttribute("x", x);
    label.setAttribute("y", y - r - 3);
    svg.querySelectorAll("line[data-source]").forEach(function (line) {
      if (line.getAttribute("data-source") === key) { line.setAttribute("x1", x); line.setAttribute("y1", y); }
      if (line.getAttribute("data-target") === key) { line.setAttribute("x2", x); line.setAttribute("y2", y); }
    });
  }

  svg.addEventListener("wheel", function (evt) {
    evt.preventDefault();
    var p = at(evt);
    var k = evt.deltaY < 0 ? 0.8 : 1.25;
    box.x = p.x - (p.x - box.x) * k;
    box.y = p.y - (p.y - box.y) * k;
    box.width *= k;
    box.height *= k;
  }, { passive: false });

  svg.addEventListener("pointerdown", function (evt) {
    var node = evt.target.closest ? evt.target.closest("a.node") : null;
    drag = { node: node, from: { x: evt.clientX, y: evt.clientY }, start: at(evt), moved: false,
             box: { x: box.x, y: box.y } };
    if (node) {
      var circle = node.querySelector("circle");
      drag.origin = { x: parseFloat(circle.getAttribute("cx")), y: parseFloat(circle.getAttribute("cy")) };
    }
  });

  svg.addEventListener("pointermove", function (evt) {
    if (!drag) { return; }
    if (Math.abs(evt.clientX - drag.from.x) + Math.abs(evt.clientY - drag.from.y) > 4) { drag.moved = true; }
    if (!drag.moved) { return; }
    if (drag.node) {
      var p = at(evt);
      moveNode(drag.node, drag.origin.x + p.x - drag.start.x, drag.origin.y + p.y - drag.start.y);
    } else {
      var scale = box.width / svg.getBoundingClientRect().width;
      box.x = drag.box.x - (evt.clientX - drag.from.x) * scale;
      box.y = drag.box.y - (evt.clientY - drag.from.y) * scale;
    }
  });

  function end() { setTimeout(function () { drag = null; }, 0); }
  svg.addEventListener("pointerup", end);
  svg.addEventListener("pointerleave", end);

  svg.addEventListener("click", function (evt) {
    if (drag && drag.moved) { evt.preventDefault(); evt.stopPropagation(); }
  }, true);

  svg.addEventListener("dblclick", function (evt) {
    evt.preventDefault();
    box.x = whole.x;
    box.y = whole.y;
    box.width = whole.width;
    box.height = whole.height;
  });
}());
