package pk.gov.kp.khyberpass.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

	@Bean
	MasterKey masterKey(KeysProperties properties, SecureRandom secureRandom) throws IOException {
		if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
			return new MasterKey(decode(properties.masterKey().strip()), secureRandom);
		}
		Path file = properties.masterKeyFile();
		if (file == null) {
			throw new IllegalStateException(
					"No master key: set KHYBERPASS_MASTER_KEY to 32 random bytes in base64 (openssl rand -base64 32)");
		}
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			secureRandom.nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			trySetOwnerOnly(file);
			log.warn("Created a development master key in {}; production must set KHYBERPASS_MASTER_KEY", file);
		}
		return new MasterKey(decode(Files.readString(file).strip()), secureRandom);
	}

	private static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("The master key is not valid base64", ex);
		}
	}

	private static void trySetOwnerOnly(Path file) {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			log.debug("Could not restrict permissions of {}", file);
		}
	}

}
