package fi.polku.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Client cases: who the client is (stored once), which case links their paths, who takes part. */
@Service
public class ClientCaseService {

  private final JdbcTemplate jdbc;
  private final IdentityProtector protector;
  private final CaseNumberGenerator numbers;
  private final Clock clock;

  ClientCaseService(JdbcTemplate jdbc, IdentityProtector protector, CaseNumberGenerator numbers, Clock clock) {
    this.jdbc = jdbc;
    this.protector = protector;
    this.numbers = numbers;
    this.clock = clock;
  }

  /**
   * Opens a new case for the client, finding the client record of an earlier referral by the
   * identity code's keyed hash, and makes the opening agency a participant.
   */
  @Transactional
  public ClientCase openCase(NewCase request) {
    long clientId = findOrCreateClient(request);
    String caseNumber = numbers.next();
    Instant now = clock.instant();
    jdbc.update("insert into client_case (case_number, client_id, municipality, opened_at, opened_by, opened_by_agency,"
            + " language) values (?, ?, ?, ?, ?, ?, ?)",
        caseNumber, clientId, request.municipality(), Timestamp.from(now), request.openedBy(),
        request.openedByAgency().code(), (request.language() == null ? ClientLanguage.FI : request.language()).code());
    join(caseNumber, request.openedByAgency());
    return find(caseNumber).orElseThrow();
  }

  /** The case, if it exists. */
  public Optional<ClientCase> find(String caseNumber) {
    if (caseNumber == null || !CaseNumberGenerator.FORMAT.matcher(caseNumber).matches()) {
      return Optional.empty();
    }
    List<ClientCase> found = jdbc.query(
        "select c.case_number, c.client_id, c.municipality, c.opened_at, c.opened_by, c.opened_by_agency,"
            + " k.temporary_identity from client_case c join client k on k.id = c.client_id where c.case_number = ?",
        (rs, row) -> new ClientCase(rs.getString(1), rs.getLong(2), rs.getString(3),
            rs.getTimestamp(4).toInstant(), rs.getString(5), Agency.fromCode(rs.getString(6)),
            agencies(rs.getString(1)), rs.getBoolean(7)),
        caseNumber);
    return found.stream().findFirst();
  }

  /** The case, or {@link CaseNotFoundException}. */
  public ClientCase get(String caseNumber) {
    return find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
  }

  /**
   * Records that the agency carries out a path of the case that the client lawfully reached it on
   * (no-op when it already does). Never for a mere consent: that one counts only while in force.
   */
  @Transactional
  public void join(String caseNumber, Agency agency) {
    Integer present = jdbc.queryForObject(
        "select count(*) from case_agency where case_number = ? and agency = ?", Integer.class,
        caseNumber, agency.code());
    if (present == null || present == 0) {
      jdbc.update("insert into case_agency (case_number, agency, joined_at) values (?, ?, ?)",
          caseNumber, agency.code(), Timestamp.from(clock.instant()));
    }
  }

  /** The client's e-mail address for notices, if one is known. */
  public Optional<String> clientEmail(String caseNumber) {
    return jdbc.query("select k.email from client k join client_case c on c.client_id = k.id where c.case_number = ?",
        (rs, row) -> rs.getString(1), caseNumber).stream().filter(email -> email != null && !email.isBlank()).findFirst();
  }

  /** The language the client is served and mailed in (Finnish unless recorded otherwise). */
  public ClientLanguage language(String caseNumber) {
    return jdbc.queryForList("select language from client_case where case_number = ?", String.class, caseNumber).stream()
        .findFirst().map(ClientLanguage::fromCode).orElse(ClientLanguage.FI);
  }

  /** Records the client's language on the case (from the intake: an API request or a start form). */
  @Transactional
  public void recordLanguage(String caseNumber, ClientLanguage language) {
    jdbc.update("update client_case set language = ? where case_number = ? and language <> ?",
        language.code(), caseNumber, language.code());
  }

  /** The client's name as the referral gave it, if one is known: for staff pages, never for logs or mails. */
  public Optional<String> clientName(String caseNumber) {
    return jdbc.query("select k.display_name from client k join client_case c on c.client_id = k.id where c.case_number = ?",
        (rs, row) -> rs.getString(1), caseNumber).stream().filter(name -> name != null && !name.isBlank()).findFirst();
  }

  /** The client's open cases, newest first: how a second referral of the same person is found. */
  public List<String> caseNumbersOf(PersonalIdentityCode identityCode) {
    return clientIdOf(identityCode).map(client -> jdbc.queryForList(
        "select case_number from client_case where client_id = ? order by opened_at desc", String.class, client))
        .orElse(List.of());
  }

  /** A keyed fingerprint of the identity code: comparable, but no one without the key can reverse it. */
  public String fingerprint(PersonalIdentityCode identityCode) {
    return protector.lookupHash(identityCode);
  }

  /** The identity code of the case's client, for the rare step that must pass it on. */
  public PersonalIdentityCode identityCodeOf(String caseNumber) {
    String stored = jdbc.queryForObject("select k.identity_encrypted from client k join client_case c"
        + " on c.client_id = k.id where c.case_number = ?", String.class, caseNumber);
    return protector.decrypt(stored);
  }

  private long findOrCreateClient(NewCase request) {
    String hash = protector.lookupHash(request.identityCode());
    Optional<Long> existing = clientIdOf(request.identityCode());
    if (existing.isPresent()) {
      long id = existing.get();
      // A later referral may bring newer contact details; keep the newest non-empty ones.
      jdbc.update("update client set display_name = coalesce(?, display_name), email = coalesce(?, email),"
              + " phone = coalesce(?, phone) where id = ?",
          emptyToNull(request.displayName()), emptyToNull(request.email()), emptyToNull(request.phone()), id);
      return id;
    }
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(connection -> {
      var statement = connection.prepareStatement(
          "insert into client (identity_hash, identity_encrypted, temporary_identity, display_name, email, phone, created_at,"
              + " identity_key_id) values (?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"});
      statement.setString(1, hash);
      statement.setString(2, protector.encrypt(request.identityCode()));
      statement.setBoolean(3, request.identityCode().isTemporary());
      statement.setString(4, emptyToNull(request.displayName()));
      statement.setString(5, emptyToNull(request.email()));
      statement.setString(6, emptyToNull(request.phone()));
      statement.setTimestamp(7, Timestamp.from(clock.instant()));
      statement.setString(8, protector.currentKeyId());
      return statement;
    }, key);
    return key.getKey().longValue();
  }

  /**
   * The client stored under this identity code: by the hash under the current key, or, during a key
   * change, under the previous key; such a row is sealed again with the current key at once.
   */
  private Optional<Long> clientIdOf(PersonalIdentityCode identityCode) {
    for (String hash : protector.lookupHashes(identityCode)) {
      List<Long> found = jdbc.queryForList("select id from client where identity_hash = ?", Long.class, hash);
      if (!found.isEmpty()) {
        if (!hash.equals(protector.lookupHash(identityCode))) {
          jdbc.update("update client set identity_hash = ?, identity_encrypted = ?, identity_key_id = ? where id = ?",
              protector.lookupHash(identityCode), protector.encrypt(identityCode), protector.currentKeyId(), found.get(0));
        }
        return Optional.of(found.get(0));
      }
    }
    return Optional.empty();
  }

  private Set<Agency> agencies(String caseNumber) {
    Set<Agency> agencies = EnumSet.noneOf(Agency.class);
    jdbc.queryForList("select agency from case_agency where case_number = ?", String.class, caseNumber)
        .forEach(code -> agencies.add(Agency.fromCode(code)));
    return agencies;
  }

  private static String emptyToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
