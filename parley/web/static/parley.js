// Parley's dashboard: the one script, served from this server (the CSP allows no other).
// A link to an article passage, /article/<id>#c<start>-<end> (the brief's citations, the
// evidence links), highlights every piece of the text that lies in that passage, even when
// no row of the store starts exactly there, and scrolls to it. A dyad page fetches its brief
// (a separate page: writing it reads the whole dyad) and shows it in place; without script
// the page links to it.
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
  function loadBrief() {
    var holder = document.querySelector("section#brief[data-src]");
    if (holder === null) return;
    var waiting = holder.querySelector(".brief-loading");
    fetch(holder.getAttribute("data-src"), {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("the brief answered " + response.status);
        return response.text();
      })
      .then(function (text) {
        // A parsed document runs no script; only its brief's body is taken over.
        var parsed = new DOMParser().parseFromString(text, "text/html");
        var body = parsed.getElementById("brief-body");
        if (body === null) return;
        var nodes = Array.prototype.slice.call(body.childNodes);
        for (var i = 0; i < nodes.length; i++) holder.appendChild(document.importNode(nodes[i], true));
        if (waiting !== null) waiting.remove();
        holder.setAttribute("data-loaded", "1");
      })
      .catch(function (problem) {
        if (waiting !== null) waiting.append(" (" + problem.message + ")");
      });
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", highlight);
  document.addEventListener("DOMContentLoaded", loadBrief);
})();
