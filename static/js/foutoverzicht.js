// Focus on what the page has to say after a post (WCAG 2.4.3, NL Design System form error
// summary): the error summary if there is one, else a status message (.pm-messages) on a
// page that asks for it with data-focus-status. A link in the summary moves focus to its field.
(function () {
  "use strict";
  function start() {
    var overzicht = document.querySelector(".pm-foutoverzicht");
    var status = document.querySelector(".pm-messages");
    if (overzicht) {
      overzicht.focus();
    } else if (status && document.querySelector("[data-focus-status]")) {
      status.setAttribute("tabindex", "-1");
      status.focus();
    }
    document.querySelectorAll(".pm-foutoverzicht a[href^='#']").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var veld = document.getElementById(link.getAttribute("href").slice(1));
        if (veld) {
          event.preventDefault();
          veld.focus();
          veld.scrollIntoView({ block: "center" });
        }
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
