package pk.gov.kp.khyberpass.admin.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard: sign-ins, failures, locks and second-factor use over time, and the audit
 * chain's state.
 */
@Controller
class ConsoleController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConsoleApi api;

	ConsoleController(ConsoleApi api) {
		this.api = api;
	}

	@GetMapping({ "/admin/console", "/admin/console/" })
	String dashboard(@RequestParam(defaultValue = "hour") String bucket, @ModelAttribute("admin") ConsoleAdmin admin,
			Model model) {
		String period = "day".equals(bucket) ? "day" : "hour";
		Map<String, Object> stats = this.api.getObject("/admin/api/stats", Map.of("bucket", period));
		model.addAttribute("bucket", period);
		model.addAttribute("stats", stats);
		model.addAttribute("rows", rows(stats));
		model.addAttribute("chart", JSON.writeValueAsString(stats));
		if (admin.readsAudit()) {
			model.addAttribute("integrity", this.api.getObject("/admin/api/audit/verify", Map.of()));
		}
		return "console/dashboard";
	}

	/** The same figures as a table, for readers without the chart. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> rows(Map<String, Object> stats) {
		List<String> buckets = (List<String>) stats.get("buckets");
		Map<String, List<Number>> series = (Map<String, List<Number>>) stats.get("series");
		return java.util.stream.IntStream.range(0, buckets.size()).mapToObj((i) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("bucket", buckets.get(i));
			series.forEach((name, values) -> row.put(name, values.get(i)));
			return row;
		}).filter((row) -> row.values().stream().skip(1).anyMatch((v) -> ((Number) v).longValue() > 0)).toList();
	}

}
