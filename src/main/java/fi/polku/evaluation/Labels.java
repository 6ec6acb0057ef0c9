package fi.polku.evaluation;

import java.util.Map;

/** Finnish names of the codes the paths record, as the report shows them; an unknown code is shown as it is. */
final class Labels {

  private Labels() {}

  static final Map<String, String> PATHS = Map.of(
      "te-referral", "TE-lähete työkyvyn tuen tiimiin",
      "health-check-invitation", "Työttömien terveystarkastus",
      "oh-handover", "Työterveyshuollon siirto",
      "supported-employment", "Tuettu työllistyminen (IPS)",
      "onward-referral", "Jatko-ohjaus",
      "all", "Kaikki polut");

  static final Map<String, String> METRICS = Map.ofEntries(
      Map.entry("clients", "Asiakkaat polun ja tulotavan mukaan"),
      Map.entry("clients-per-month", "Uudet asiakkaat kuukausittain"),
      Map.entry("lead-time", "Läpimenoajat (työpäivää)"),
      Map.entry("lead-time-distribution", "Läpimenoaikojen jakauma (työpäivää)"),
      Map.entry("sla", "Ohjauksen määräajan (5 työpäivää) ylitykset"),
      Map.entry("end-state", "Päättymistavat"),
      Map.entry("follow-on", "Valitut jatkopolut"),
      Map.entry("outcome", "Tilanne seurannassa 3 ja 6 kk:n kohdalla"),
      Map.entry("satisfaction", "Asiakastyytyväisyys (1–10)"),
      Map.entry("work-ability-change", "Työkyvyn muutos ensimmäisestä viimeiseen mittaukseen"),
      Map.entry("invitation-response", "Terveystarkastuskutsuihin vastaaminen"),
      Map.entry("supported-employment", "Tuettu työllistyminen (IPS): asiakkaat ja tulokset"),
      Map.entry("supported-employment-time", "Tuettu työllistyminen (IPS): ajat aloituksesta (kalenteripäivää)"),
      Map.entry("supported-employment-kykyviisari", "Tuettu työllistyminen (IPS): Kykyviisarin muutos"),
      Map.entry("unaccounted", "Tilittämättömät asiakkaat nyt (tavoite 0)"),
      Map.entry("onward-referrals", "Jatko-ohjaukset vastaanottavan palvelun ja tilan mukaan"),
      Map.entry("onward-acceptance", "Jatko-ohjaus: pyynnöstä vastaanottajan hyväksyntään (työpäivää)"));

  static final Map<String, String> CATEGORIES = Map.ofEntries(
      Map.entry("total", "Yhteensä"),
      Map.entry("tasklist", "Tehtävälistan lomake"),
      Map.entry("api", "Toisen viranomaisen järjestelmä (API)"),
      Map.entry("oh-handover", "Työterveyshuollon siirrosta"),
      Map.entry("health-check", "Terveystarkastuksesta"),
      Map.entry("other-path", "Toiselta polulta"),
      Map.entry("invitation", "Kutsukierros"),
      Map.entry("referral", "Lähete työllisyyspalveluista"),
      Map.entry("walk-in", "Asiakas tuli itse"),
      Map.entry("occupational-health", "Työterveyshuolto"),
      Map.entry("referral-to-triage", "Lähete → ohjauksen vahvistus"),
      Map.entry("referral-to-mapping", "Lähete → tiimin kartoitus"),
      Map.entry("mapping-to-plan", "Kartoitus → suunnitelma lähettäjällä"),
      Map.entry("job-loss-to-coordinator", "Työsuhteen päättyminen → koordinaattori vastaanottanut"),
      Map.entry("invitation-to-check", "Kutsu → terveystarkastus"),
      Map.entry("triaged", "Ohjaus vahvistettu tai määräaika ylittynyt"),
      Map.entry("breached", "Määräaika ylittyi"),
      Map.entry("open", "Kesken"),
      Map.entry("ended-otherwise", "Päättynyt muuten (peruttu)"),
      Map.entry("employed", "Työllistynyt"),
      Map.entry("education", "Koulutus"),
      Map.entry("rehabilitation", "Kuntoutus"),
      Map.entry("outside-labour-force", "Työvoiman ulkopuolella"),
      Map.entry("still-unemployed", "Edelleen työtön"),
      Map.entry("follow-up-3", "Seuranta 3 kk"),
      Map.entry("follow-up-6", "Seuranta 6 kk"),
      Map.entry("client-experience", "Asiakaskokemus siirrossa"),
      Map.entry("whodas", "WHODAS 2.0 -pistesumma (0–48, pienempi parempi)"),
      Map.entry("kykyviisari", "Kykyviisari (0–10, suurempi parempi)"),
      Map.entry("improved", "Parani"),
      Map.entry("unchanged", "Ennallaan"),
      Map.entry("worsened", "Heikkeni"),
      Map.entry("invited", "Kutsuttu"),
      Map.entry("booked", "Varasi ajan"),
      Map.entry("checked", "Terveystarkastus tehty"),
      // Follow-on paths of the team's mapping, the hand-over and the health check's routing.
      Map.entry("medical-rehabilitation", "Lääkinnällinen kuntoutus"),
      Map.entry("vocational-rehabilitation", "Ammatillinen kuntoutus"),
      Map.entry("social-rehabilitation", "Sosiaalinen kuntoutus"),
      Map.entry("substance-mental-health-rehabilitation", "Päihde- tai mielenterveyskuntoutus"),
      Map.entry("rehabilitative-work-activity", "Kuntouttava työtoiminta"),
      Map.entry("supported-employment", "Tuettu työllistyminen (IPS)"),
      Map.entry("other-employment-services", "Muut työllisyyspalvelut"),
      Map.entry("open-labour-market", "Avoimet työmarkkinat"),
      Map.entry("sick-leave", "Sairausloma / sairauspäiväraha"),
      Map.entry("disability-pension-assessment", "Työkyvyttömyyseläkkeen arviointi"),
      Map.entry("specialist-care", "Erikoissairaanhoito"),
      Map.entry("work", "Työ"),
      Map.entry("sote-team", "Sote-keskuksen työkyvyn tuen tiimi"),
      Map.entry("other", "Muu"),
      Map.entry("work-ability-team", "Työkyvyn tuen tiimi"),
      Map.entry("physician", "Lääkärin vastaanotto"),
      Map.entry("rehabilitation-assessment", "Kuntoutustarpeen arvio"),
      Map.entry("health-plan-only", "Terveyssuunnitelma"),
      Map.entry("unaccounted-cases", "Asiakkaat, joista kukaan ei vastaa nyt"));

  static final Map<String, String> STATISTICS = Map.ofEntries(
      Map.entry("count", "lukumäärä"),
      Map.entry("share", "osuus"),
      Map.entry("median", "mediaani"),
      Map.entry("p90", "90. persentiili"),
      Map.entry("mean", "keskiarvo"),
      Map.entry("n", "n"),
      // The onward referrals' statuses (HL7 FHIR Task), as columns of their counts.
      Map.entry("requested", "pyydetty"),
      Map.entry("accepted", "hyväksytty"),
      Map.entry("rejected", "palautettu"),
      Map.entry("in-progress", "käynnissä"),
      Map.entry("completed", "valmis"),
      Map.entry("failed", "keskeytynyt"),
      Map.entry("cancelled", "peruttu"));

  static String category(String code) {
    return CATEGORIES.getOrDefault(code, code);
  }
}
