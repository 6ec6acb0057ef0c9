package fi.polku.privacy;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rows of Polku's own tables that belong to given cases: the cases themselves and every row
 * that points at one of them, directly or through other such rows, by a foreign key or by a
 * {@code case_number} column. The links are read from the database catalogue once.
 */
@Component
class ClientRecords {

  /** Tables of Polku's schema that hold no client data, and why; everything else must be linked. */
  static final Map<String, String> NOT_CLIENT_DATA = Map.of(
      "polku_schema_history", "Flyway's record of the migrations",
      "api_idempotency", "an API caller's request fingerprint and answer, kept for retries only (hours)",
      "privacy_request", "this module's own audit: removed with the case (exports) or without any case (removals)",
      "web_session", "staff members' web sessions (login and CSRF token), deleted when they expire",
      "web_session_attributes", "the values of those sessions: who is logged in, never a client");

  /** A child table's column that holds a parent table's column value. */
  record Link(String child, String column, String parent, String parentColumn) {}

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private volatile Schema schema;

  ClientRecords(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  /** The links between Polku's tables and the primary key of each. */
  record Schema(Set<String> tables, List<Link> links, Map<String, List<String>> primaryKeys) {

    List<Link> childrenOf(String table) {
      return links.stream().filter(link -> link.parent().equals(table) && !link.child().equals(table)).toList();
    }

    /** Tables in an order where each comes after every table it points at. */
    List<String> parentsFirst() {
      List<String> ordered = new ArrayList<>();
      Set<String> left = new LinkedHashSet<>(tables);
      while (!left.isEmpty()) {
        String next = left.stream().filter(table -> links.stream().noneMatch(link -> link.child().equals(table)
            && !link.parent().equals(table) && left.contains(link.parent()))).findFirst()
            .orElseThrow(() -> new IllegalStateException("Polku's tables point at each other in a cycle: " + left));
        ordered.add(next);
        left.remove(next);
      }
      return ordered;
    }
  }

  Schema schema() {
    if (schema == null) {
      schema = readSchema();
    }
    return schema;
  }

  /** Every row that belongs to these cases, table by table (tables without rows left out). */
  Map<String, List<Map<String, Object>>> ofCases(Collection<String> caseNumbers) {
    Map<String, Set<Map<String, Object>>> found = new TreeMap<>();
    List<Map<String, Object>> cases = new ArrayList<>();
    for (String caseNumber : caseNumbers) {
      cases.addAll(rows("client_case", "case_number", List.of(caseNumber)));
    }
    if (cases.isEmpty()) {
      return Map.of();
    }
    found.put("client_case", new LinkedHashSet<>(cases));
    List<String> pending = new ArrayList<>(List.of("client_case"));
    while (!pending.isEmpty()) {
      String parent = pending.remove(0);
      for (Link link : schema().childrenOf(parent)) {
        List<Object> keys = found.get(parent).stream().map(row -> row.get(link.parentColumn()))
            .filter(value -> value != null).distinct().toList();
        List<Map<String, Object>> rows = rows(link.child(), link.column(), keys);
        Set<Map<String, Object>> known = found.computeIfAbsent(link.child(), table -> new LinkedHashSet<>());
        if (known.addAll(rows) && !pending.contains(link.child())) {
          pending.add(link.child());
        }
      }
    }
    Map<String, List<Map<String, Object>>> result = new TreeMap<>();
    found.forEach((table, rows) -> {
      if (!rows.isEmpty()) {
        result.put(table, List.copyOf(rows));
      }
    });
    return result;
  }

  /**
   * Deletes every row that belongs to the case, children before the rows they point at, and the
   * client when no other case of theirs is left. The number of rows deleted.
   */
  int deleteCase(String caseNumber) {
    Map<String, List<Map<String, Object>>> rows = ofCases(List.of(caseNumber));
    Object clientId = rows.getOrDefault("client_case", List.of()).stream().map(row -> row.get("client_id"))
        .findFirst().orElse(null);
    List<String> order = new ArrayList<>(schema().parentsFirst());
    java.util.Collections.reverse(order);
    int deleted = 0;
    for (String table : order) {
      List<Map<String, Object>> tableRows = new ArrayList<>(rows.getOrDefault(table, List.of()));
      List<String> key = schema().primaryKeys().getOrDefault(table, List.of());
      List<String> columns = key.isEmpty() ? List.copyOf(tableRows.isEmpty() ? List.of() : tableRows.get(0).keySet())
          : key;
      // Within a table that points at itself (a referral that replaces another), newer rows go first.
      if (!key.isEmpty()) {
        tableRows.sort(Comparator.comparing((Map<String, Object> row) -> String.valueOf(row.get(key.get(0))),
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).reversed());
      }
      for (Map<String, Object> row : tableRows) {
        StringBuilder where = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (String column : columns) {
          Object value = row.get(column);
          where.append(where.isEmpty() ? "" : " and ").append(column).append(value == null ? " is null" : " = ?");
          if (value != null) {
            values.add(value);
          }
        }
        deleted += jdbc.update("delete from " + table + " where " + where, values.toArray());
      }
    }
    if (clientId != null && count("client_case", "client_id", clientId) == 0) {
      deleted += jdbc.update("delete from client where id = ?", clientId);
    }
    return deleted;
  }

  private int count(String table, String column, Object value) {
    Integer count = jdbc.queryForObject("select count(*) from " + table + " where " + column + " = ?", Integer.class,
        value);
    return count == null ? 0 : count;
  }

  private List<Map<String, Object>> rows(String table, String column, List<?> values) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int from = 0; from < values.size(); from += 500) {
      List<?> part = values.subList(from, Math.min(values.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
      jdbc.queryForList("select * from " + table + " where " + column + " in (" + marks + ")", part.toArray())
          .forEach(row -> rows.add(plain(row)));
    }
    return rows;
  }

  /** Column names in lower case and values as JSON can carry them (large texts read out). */
  private static Map<String, Object> plain(Map<String, Object> row) {
    Map<String, Object> plain = new LinkedHashMap<>();
    row.forEach((column, value) -> plain.put(column.toLowerCase(Locale.ROOT), plainValue(value)));
    return plain;
  }

  private static Object plainValue(Object value) {
    try {
      if (value instanceof Clob clob) {
        return clob.getSubString(1, (int) clob.length());
      }
      if (value instanceof Timestamp timestamp) {
        return timestamp.toInstant();
      }
      if (value instanceof java.time.OffsetDateTime offset) {
        return offset.toInstant();
      }
      if (value instanceof java.sql.Date date) {
        return date.toLocalDate();
      }
      return value;
    } catch (SQLException e) {
      throw new IllegalStateException("A large text column cannot be read", e);
    }
  }

  private Schema readSchema() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String catalogSchema = connection.getSchema();
      Set<String> tables = new LinkedHashSet<>();
      try (ResultSet rs = meta.getTables(connection.getCatalog(), catalogSchema, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
          if (!table.startsWith("act_")) {
            tables.add(table);
          }
        }
      }
      List<Link> links = new ArrayList<>();
      Map<String, List<String>> keys = new TreeMap<>();
      for (String table : tables) {
        String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Set<String> linkedColumns = new LinkedHashSet<>();
        try (ResultSet rs = meta.getImportedKeys(connection.getCatalog(), catalogSchema, name)) {
          while (rs.next()) {
            Link link = new Link(table, rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT),
                rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT), rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
            links.add(link);
            linkedColumns.add(link.column());
          }
        }
        // A case number without a foreign key (audit and mail rows outlive nothing but the case) links too.
        try (ResultSet rs = meta.getColumns(connection.getCatalog(), catalogSchema, name, "%")) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
            if (column.equals("case_number") && !linkedColumns.contains(column) && !table.equals("client_case")
                && !NOT_CLIENT_DATA.containsKey(table)) {
              links.add(new Link(table, column, "client_case", "case_number"));
            }
          }
        }
        List<String> key = new ArrayList<>();
        try (ResultSet rs = meta.getPrimaryKeys(connection.getCatalog(), catalogSchema, name)) {
          Map<Integer, String> bySequence = new TreeMap<>();
          while (rs.next()) {
            bySequence.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
          key.addAll(bySequence.values());
        }
        keys.put(table, key);
      }
      return new Schema(tables, List.copyOf(links), keys);
    } catch (SQLException e) {
      throw new IllegalStateException("The database catalogue cannot be read", e);
    }
  }
}
