package pk.gov.kp.khyberpass.account.registration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import pk.gov.kp.khyberpass.cnic.Cnic;

/**
 * The development {@link CivilRegistry}: made-up citizens read from a CSV file
 * ({@code cnic,full_name,birth_date}, a header line, {@code #} comments). Never reaches
 * NADRA.
 */
final class SyntheticCivilRegistry implements CivilRegistry {

	private final Map<Cnic, Record> records;

	private SyntheticCivilRegistry(Map<Cnic, Record> records) {
		this.records = Map.copyOf(records);
	}

	/** Reads the records from {@code csv} (UTF-8). */
	static SyntheticCivilRegistry read(InputStream csv) {
		Map<Cnic, Record> records = new HashMap<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (number == 1 || line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] fields = line.split(",", -1);
				if (fields.length != 3) {
					throw new IllegalArgumentException("Line " + number + " of the synthetic registry needs 3 fields");
				}
				records.put(Cnic.parse(fields[0].strip()),
						new Record(CivilRegistry.normaliseName(fields[1]), LocalDate.parse(fields[2].strip())));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SyntheticCivilRegistry(records);
	}

	@Override
	public boolean confirms(Cnic cnic, String fullName, LocalDate birthDate) {
		Record record = this.records.get(cnic);
		return record != null && record.name().equals(CivilRegistry.normaliseName(fullName))
				&& record.birthDate().equals(birthDate);
	}

	/** How many citizens the file holds. */
	int size() {
		return this.records.size();
	}

	private record Record(String name, LocalDate birthDate) {
	}

}
