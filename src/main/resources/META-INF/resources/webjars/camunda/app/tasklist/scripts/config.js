// Polku's Tasklist settings. This file replaces the webjar's own config.js (ours comes first on
// the classpath).
//
// Language: Finnish by default, whatever the browser's language. Open
//   /camunda/app/tasklist/?lang=en   for English,
//   /camunda/app/tasklist/?lang=fi   to go back to Finnish;
// the choice is remembered in this browser. The Finnish texts are in ../locales/fi.json.
const LANGUAGE_KEY = 'polku-tasklist-language';

function chosenLanguage() {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (asked === 'fi' || asked === 'en') {
      window.localStorage.setItem(LANGUAGE_KEY, asked);
    }
    return window.localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'fi';
  } catch (e) {
    return 'fi';
  }
}

// Only the chosen language is offered, so the browser's own language cannot override it.
const language = chosenLanguage();

export default {
  app: {
    name: language === 'fi' ? 'Tehtävät' : 'Tasklist',
    vendor: 'Polku'
  },
  locales: {
    availableLocales: [language],
    fallbackLocale: language
  },
  // A link from every task to its client's case page (scripts/case-link.js).
  customScripts: ['scripts/case-link'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: language === 'fi' ? 'ottaa valitun tehtävän itselle' : 'claims the currently selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: language === 'fi' ? 'siirtyy suodatinluettelon ensimmäiseen suodattimeen' : 'set the focus to the first filter in the list'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: language === 'fi' ? 'siirtyy tehtäväluettelon ensimmäiseen tehtävään' : 'sets the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: language === 'fi' ? 'siirtyy tehtävälomakkeen ensimmäiseen kenttään' : 'sets the focus to the first input field in a task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: language === 'fi' ? 'avaa prosessin käynnistysikkunan' : 'opens the start process modal dialog'
    }
  }
};
