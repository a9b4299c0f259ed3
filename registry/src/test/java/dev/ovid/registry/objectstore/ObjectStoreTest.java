package dev.ovid.registry.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ovid.registry.common.ConflictException;
import dev.ovid.registry.common.IntegrityException;
import dev.ovid.registry.common.NotFoundException;
import dev.ovid.registry.common.Sha256;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real MinIO started by infra/ovid-services (ovid.s3.* / OVID_S3_* override it). */
class ObjectStoreTest {
  static ObjectStore store;
  final String prefix = "test/objectstore/" + UUID.randomUUID() + "/";
  @TempDir Path dir;

  @BeforeAll
  static void connect() {
    store = TestServices.objectStore();
  }

  @AfterAll
  static void disconnect() throws Exception {
    store.close();
  }

  @Test
  void putRecordsSha256AndDownloadVerifiesIt() throws Exception {
    byte[] bytes = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(bytes);
    Path file = Files.write(dir.resolve("blob.bin"), bytes);

    StoredObject stored = store.put(prefix + "blob.bin", file);

    assertEquals(Sha256.of(bytes), stored.sha256());
    assertEquals(bytes.length, stored.size());
    assertEquals("s3://" + store.bucket() + "/" + prefix + "blob.bin", stored.uri());
    assertEquals(stored, store.stat(prefix + "blob.bin").orElseThrow());
    Path copy = dir.resolve("out/copy.bin");
    StoredObject downloaded = store.download(prefix + "blob.bin", copy, stored.sha256());
    assertArrayEquals(bytes, Files.readAllBytes(copy));
    assertEquals(stored.sha256(), downloaded.sha256());
  }

  @Test
  void putOfIdenticalContentIsIdempotentButDifferentContentIsRefused() {
    byte[] first = "first".getBytes(StandardCharsets.UTF_8);
    StoredObject a = store.put(prefix + "k", first);
    StoredObject again = store.put(prefix + "k", new ByteArrayInputStream(first));
    assertEquals(a, again);

    ConflictException e =
        assertThrows(
            ConflictException.class,
            () -> store.put(prefix + "k", "second".getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains(prefix + "k"), e.getMessage());
    assertArrayEquals(first, store.getBytes(prefix + "k"));
  }

  @Test
  void replaceOverwrites() {
    store.put(prefix + "mutable", "v1".getBytes(StandardCharsets.UTF_8));
    StoredObject v2 = store.replace(prefix + "mutable", "v2".getBytes(StandardCharsets.UTF_8));
    assertEquals(Sha256.of("v2".getBytes(StandardCharsets.UTF_8)), v2.sha256());
    assertArrayEquals("v2".getBytes(StandardCharsets.UTF_8), store.getBytes(prefix + "mutable"));
  }

  @Test
  void downloadRefusesBytesThatDoNotMatchTheExpectedDigest() {
    store.put(prefix + "x", "payload".getBytes(StandardCharsets.UTF_8));
    Path target = dir.resolve("x");
    String wrong = Sha256.of("other".getBytes(StandardCharsets.UTF_8));
    assertThrows(IntegrityException.class, () -> store.download(prefix + "x", target, wrong));
    assertFalse(Files.exists(target), "nothing is left behind after a failed check");
  }

  @Test
  void listsByPrefixWithDigests() {
    store.put(prefix + "a/1", new byte[] {1});
    store.put(prefix + "a/b/2", new byte[] {2});
    store.put(prefix + "c", new byte[] {3});
    var listed = store.list(prefix + "a/");
    assertEquals(
        java.util.List.of(prefix + "a/1", prefix + "a/b/2"),
        listed.stream().map(StoredObject::key).toList());
    assertEquals(Sha256.of(new byte[] {2}), listed.get(1).sha256());
  }

  @Test
  void missingObjectsAreNotFound() {
    assertFalse(store.exists(prefix + "nothing"));
    assertThrows(NotFoundException.class, () -> store.getBytes(prefix + "nothing"));
    assertThrows(
        NotFoundException.class, () -> store.download(prefix + "nothing", dir.resolve("n")));
  }

  @Test
  void healthReportsUpForTheRealServerAndDownForAClosedPort() {
    assertTrue(store.health().up(), store.health().detail());
    ObjectStoreConfig closed =
        new ObjectStoreConfig(
            "http://127.0.0.1:1", "ovid", "ovid-secret-key", "ovid-artifacts", "us-east-1");
    try (ObjectStore nowhere = new ObjectStore(closed)) {
      assertFalse(nowhere.health().up());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
