package fi.polku.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps identity codes unreadable at rest: AES-256-GCM for the stored value and HMAC-SHA-256 as
 * the lookup key, both derived from one master key (IDENTITY_KEY, 32 bytes in Base64). On the
 * embedded default a key is generated once into a file beside the database.
 *
 * <p>During a key change the old master key is given as IDENTITY_KEY_PREVIOUS: stored codes sealed
 * with it are still read and found, and {@link IdentityKeyRotation} seals them again with the new
 * key. Each key has a short id (a keyed hash of nothing secret) stored beside the row, so the rows
 * still to be resealed are found by a query.
 */
@Component
class IdentityProtector {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityProtector.class);
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** The keys derived from one master key. */
  private record KeySet(String id, SecretKeySpec encryption, SecretKeySpec hash) {
    static KeySet of(byte[] master) {
      return new KeySet(HexFormat.of().formatHex(derive(master, "polku-identity-key-id")).substring(0, 16),
          new SecretKeySpec(derive(master, "polku-identity-encryption"), "AES"),
          new SecretKeySpec(derive(master, "polku-identity-lookup"), "HmacSHA256"));
    }
  }

  /** A code sealed again: its new stored value, lookup hash and key id. */
  record Resealed(String encrypted, String hash, String keyId) {}

  private final KeySet current;
  private final Optional<KeySet> previous;
  private final SecureRandom random = new SecureRandom();

  IdentityProtector(
      @Value("${polku.identity.key:}") String key,
      @Value("${polku.identity.key-file:}") String keyFile,
      @Value("${polku.identity.previous-key:}") String previousKey) {
    this.current = KeySet.of(masterKey(key, keyFile));
    this.previous = previousKey == null || previousKey.isBlank() ? Optional.empty()
        : Optional.of(KeySet.of(decodeKey(previousKey.trim(), "IDENTITY_KEY_PREVIOUS")));
    if (previous.isPresent() && previous.get().id().equals(current.id())) {
      throw new IllegalStateException("IDENTITY_KEY_PREVIOUS is the same key as IDENTITY_KEY");
    }
  }

  /** The id of the key that seals new rows. */
  String currentKeyId() {
    return current.id();
  }

  /** Whether an earlier key is still given, so rows sealed with it are being resealed. */
  boolean rotating() {
    return previous.isPresent();
  }

  /** The keyed hash by which the same person is found again; reveals nothing without the key. */
  String lookupHash(PersonalIdentityCode code) {
    return hash(current, code);
  }

  /** The hash under the current key, then under the previous one while a key change is going on. */
  List<String> lookupHashes(PersonalIdentityCode code) {
    List<String> hashes = new ArrayList<>(List.of(hash(current, code)));
    previous.ifPresent(keys -> hashes.add(hash(keys, code)));
    return hashes;
  }

  /**
   * The stored code sealed with the current key; empty when no key given opens it (a row sealed with
   * a key that is no longer given, or a damaged row).
   */
  Optional<Resealed> reseal(String stored) {
    Optional<PersonalIdentityCode> code = open(current, stored).or(() -> previous.flatMap(keys -> open(keys, stored)));
    return code.map(value -> new Resealed(encrypt(value), hash(current, value), current.id()));
  }

  private static String hash(KeySet keys, PersonalIdentityCode code) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(keys.hash());
      return HexFormat.of().formatHex(mac.doFinal(code.value().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  String encrypt(PersonalIdentityCode code) {
    try {
      byte[] iv = new byte[IV_BYTES];
      random.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, current.encryption(), new GCMParameterSpec(TAG_BITS, iv));
      byte[] sealed = cipher.doFinal(code.value().getBytes(StandardCharsets.UTF_8));
      byte[] stored = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, stored, 0, IV_BYTES);
      System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(stored);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM encryption failed", e);
    }
  }

  PersonalIdentityCode decrypt(String stored) {
    // Wrong key or tampered row: say so without any of the data.
    return open(current, stored).or(() -> previous.flatMap(keys -> open(keys, stored)))
        .orElseThrow(() -> new IllegalStateException("A stored identity code cannot be decrypted with IDENTITY_KEY"
            + (previous.isPresent() ? " or IDENTITY_KEY_PREVIOUS" : "")));
  }

  private static Optional<PersonalIdentityCode> open(KeySet keys, String stored) {
    try {
      byte[] bytes = Base64.getDecoder().decode(stored);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, keys.encryption(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
      return Optional.of(PersonalIdentityCode.parse(new String(plain, StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static byte[] derive(byte[] master, String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(master, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA-256 unavailable", e);
    }
  }

  private static byte[] masterKey(String key, String keyFile) {
    if (key != null && !key.isBlank()) {
      byte[] bytes = decodeKey(key.trim(), "IDENTITY_KEY");
      return bytes;
    }
    if (keyFile == null || keyFile.isBlank()) {
      throw new IllegalStateException("IDENTITY_KEY is not set (32 random bytes in Base64)");
    }
    Path file = Path.of(keyFile).toAbsolutePath().normalize();
    try {
      if (Files.exists(file)) {
        return decodeKey(Files.readString(file).trim(), file.toString());
      }
      byte[] generated = new byte[32];
      new SecureRandom().nextBytes(generated);
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardOpenOption.CREATE_NEW);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException ignored) {
        // Not a POSIX file system: the file stays with the platform's defaults.
      }
      LOG.warn("Generated a development identity key in {}: production sets IDENTITY_KEY", file);
      return generated;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the identity key file " + file, e);
    }
  }

  private static byte[] decodeKey(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(source + " is not Base64");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException(source + " must be 32 bytes (256 bits) in Base64");
    }
    return bytes;
  }
}
