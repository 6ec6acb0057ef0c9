// Polku: a link from every task to its client's case page (Asiakkuus, /cases/{caseNumber}), above
// the task's form, so no form has to carry one. Loaded by config.js (customScripts). The case
// number is the task variable every task gets (fi.polku.engine.CaseNumberOnTasks); the case page
// opens in a new tab with the same login.
const APP_ROOT = (document.querySelector('base') && document.querySelector('base').getAttribute('app-root')) || '/camunda';
const CASE_NUMBER = /^TK-\d{4}-\d{6,}$/;
const LINK_ID = 'polku-case-link';
const known = new Map();

function openTaskId() {
  const match = window.location.hash.match(/[?&]task=([^&]+)/);
  return match ? decodeURIComponent(match[1]) : null;
}

async function caseNumberOf(taskId) {
  if (known.has(taskId)) {
    return known.get(taskId);
  }
  const response = await fetch(APP_ROOT + '/api/engine/engine/default/task/' + encodeURIComponent(taskId)
      + '/localVariables/taskCaseNumber', {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  const value = response.ok ? (await response.json()).value : null;
  const caseNumber = typeof value === 'string' && CASE_NUMBER.test(value) ? value : null;
  known.set(taskId, caseNumber);
  return caseNumber;
}

function placeLink(caseNumber) {
  const meta = document.querySelector('[cam-tasklist-task-meta]');
  if (!meta) {
    return;
  }
  let link = document.getElementById(LINK_ID);
  if (link && link.dataset.caseNumber === caseNumber && link.parentNode) {
    return;
  }
  if (link) {
    link.remove();
  }
  if (!caseNumber) {
    return;
  }
  link = document.createElement('div');
  link.id = LINK_ID;
  link.dataset.caseNumber = caseNumber;
  const anchor = document.createElement('a');
  anchor.href = '/cases/' + encodeURIComponent(caseNumber);
  anchor.target = '_blank';
  anchor.rel = 'noopener';
  anchor.textContent = 'Avaa asiakkuus ' + caseNumber;
  anchor.title = 'Asiakkaan koko asiakkuus: polut, vastuutyöntekijä, suostumukset';
  link.appendChild(anchor);
  meta.parentNode.insertBefore(link, meta);
}

let pending = false;
function refresh() {
  if (pending) {
    return;
  }
  pending = true;
  window.setTimeout(async () => {
    pending = false;
    const taskId = openTaskId();
    try {
      placeLink(taskId ? await caseNumberOf(taskId) : null);
    } catch (e) {
      // No link is better than a broken Tasklist.
    }
  }, 150);
}

new MutationObserver(refresh).observe(document.body, {childList: true, subtree: true});
window.addEventListener('hashchange', refresh);
refresh();
