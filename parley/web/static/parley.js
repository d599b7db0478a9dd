// Parley's dashboard: the one script, served from this server (the CSP allows no other).
// A link to an article passage, /article/<id>#c<start>-<end> (the brief's citations, the
// evidence links), highlights every piece of the text that lies in that passage, even when
// no row of the store starts exactly there, and scrolls to it.
"use strict";
(function () {
  function highlight() {
    var found = /^#c(\d+)-(\d+)$/.exec(window.location.hash);
    var old = document.querySelectorAll(".cited");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("cited");
    if (!found) return;
    var start = parseInt(found[1], 10), end = parseInt(found[2], 10);
    var pieces = document.querySelectorAll("#text [data-s]");
    var first = null;
    for (var j = 0; j < pieces.length; j++) {
      var s = parseInt(pieces[j].getAttribute("data-s"), 10);
      var e = parseInt(pieces[j].getAttribute("data-e"), 10);
      if (s < end && e > start) {
        pieces[j].classList.add("cited");
        if (first === null) first = pieces[j];
      }
    }
    if (first !== null && !document.getElementById(found[0].slice(1))) {
      first.scrollIntoView({block: "center"});
    }
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", highlight);
})();
