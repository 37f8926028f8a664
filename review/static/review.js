// Keyboard shortcuts for the review pages. Every shortcut is an element with data-key:
// a link is followed, a submit button submits its form (with its verdict), a radio is chosen,
// a text box takes the focus. Without JavaScript the same buttons and links work by mouse.
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    var typing = target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
      (target.tagName === "INPUT" && target.type !== "radio") || target.isContentEditable);
    if (typing) {
      if (event.key === "Escape") { target.blur(); }
      return;
    }
    var element = document.querySelector('[data-key="' + CSS.escape(event.key) + '"]');
    if (!element) { return; }
    event.preventDefault();
    if (element.tagName === "BUTTON" && element.form) {
      if (element.form.requestSubmit) { element.form.requestSubmit(element); } else { element.click(); }
    } else if (element.tagName === "INPUT" && element.type === "radio") {
      element.checked = true;
      element.focus();
    } else if (element.tagName === "TEXTAREA" || element.tagName === "INPUT") {
      element.focus();
    } else {
      element.click();
    }
  });
})();
