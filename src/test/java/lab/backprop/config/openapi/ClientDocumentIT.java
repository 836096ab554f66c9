package lab.backprop.config.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import lab.backprop.Api;
import lab.backprop.Api.Answer;
import lab.backprop.HttpTestSupport;
import lab.backprop.SeedValues;

/**
 * The OpenAPI document is one that generated clients use unchanged and that a validating
 * proxy holds the service to: the names clients import, one schema per concept, request
 * schemas that say what the service refuses and accepts, problem+json on every error
 * status, and answers that fit the document. (CI generates the clients and runs Prism:
 * .ci/contract.)
 */
class ClientDocumentIT extends HttpTestSupport {

	private static final String SEED = SeedValues.REQUEST;

	private JsonNode document() {
		return api().get("/v3/api-docs").json();
	}

	private JsonNode schema(String name) {
		return document().at("/components/schemas/" + name);
	}

	@Test
	void operationIdsAndTagsAreTheContractsAndEveryOperationHasASummary() {
		JsonNode paths = document().get("paths");
		Map<String, String> expected = Map.of("/train-step post", "trainStep Training", "/train post", "train Training",
				"/gradient-check post", "gradientCheck Training", "/examples get", "listExamples Examples",
				"/examples/{name} get", "getExample Examples");
		expected.forEach((where, names) -> {
			String[] at = where.split(" ");
			JsonNode operation = paths.get(at[0]).get(at[1]);
			assertThat(operation.get("operationId").asString() + " " + operation.get("tags").get(0).asString())
				.as(where)
				.isEqualTo(names);
		});
		forEachOperation(
				(where, operation) -> assertThat(operation.path("summary").asString("")).as(where).isNotBlank());
	}

	@Test
	void infoVersionIsSemanticAndTheChangelogSaysWhatChangedInIt() throws IOException {
		JsonNode document = document();
		String version = document.at("/info/version").asString();
		assertThat(version).matches("\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?");
		assertThat(Files.readString(Path.of("CHANGELOG.md"))).contains("## " + version);
		assertThat(document.at("/servers/0/url").asString()).isEqualTo("/");
		assertThat(document.at("/servers/0/description").asString()).doesNotContain("Generated");
	}

	@Test
	void oneSchemaPerConcept() {
		JsonNode schemas = document().at("/components/schemas");
		assertThat(schemas.has("TrainStepRequest") && schemas.has("TrainRequest") && schemas.has("Example")
				&& schemas.has("Layer") && schemas.has("Problem") && schemas.has("Matrix"))
			.isTrue();
		assertThat(schemas.has("LayerSpec") || schemas.has("LayerParameters")).isFalse();
		String layer = "#/components/schemas/Layer";
		assertThat(schemas.at("/TrainStepRequest/properties/layers/items/$ref").asString()).isEqualTo(layer);
		assertThat(schemas.at("/TrainRequest/properties/layers/items/$ref").asString()).isEqualTo(layer);
		assertThat(schemas.at("/Update/properties/layers/items/$ref").asString()).isEqualTo(layer);
		assertThat(schemas.at("/TrainResponse/properties/layers/items/$ref").asString()).isEqualTo(layer);
		assertThat(schemas.at("/Example/properties/request/$ref").asString())
			.isEqualTo("#/components/schemas/TrainStepRequest");

		// every matrix is the one Matrix, and no oneOf of a number and arrays is left
		List<String> inlineMatrices = new ArrayList<>();
		walk(document(), "", (at, node) -> {
			if (node.has("oneOf")) {
				inlineMatrices.add(at + " (oneOf)");
			}
			if (node.path("type").isString() && node.get("type").asString().equals("array")
					&& node.at("/items/type").isString() && node.at("/items/type").asString().equals("array")
					&& !at.equals("/components/schemas/Matrix")) {
				inlineMatrices.add(at);
			}
			if (node.has("$ref") && node.has("type")) {
				inlineMatrices.add(at + " (type beside $ref)");
			}
		});
		assertThat(inlineMatrices).isEmpty();
		assertThat(schemas.at("/TrainStepRequest/properties/inputs/$ref").asString())
			.isEqualTo("#/components/schemas/Matrix");
		assertThat(schemas.at("/BackwardLayer/properties/dL_dW/$ref").asString())
			.isEqualTo("#/components/schemas/Matrix");
	}

	@Test
	void requestSchemasRefuseUnknownFieldsSendNoDefaultsAndTrainWritesOutTheStepFields() {
		JsonNode schemas = document().at("/components/schemas");
		for (String name : List.of("TrainStepRequest", "TrainRequest", "Layer", "Optimizer", "OptimizerState",
				"LayerOptimizerState")) {
			assertThat(schemas.get(name).get("additionalProperties").asBoolean(true)).as(name).isFalse();
			List<String> defaults = new ArrayList<>();
			walk(schemas.get(name), name, (at, node) -> {
				if (node.has("default")) {
					defaults.add(at);
				}
			});
			assertThat(defaults).as("defaults a generated client would send").isEmpty();
		}
		Set<String> stepFields = names(schemas.at("/TrainStepRequest/properties"));
		assertThat(names(schemas.at("/TrainRequest/properties"))).containsAll(stepFields);
		assertThat(schemas.get("TrainRequest").has("allOf")).isFalse();
		// the defaults are in the text instead
		assertThat(schemas.at("/Layer/properties/activation/description").asString()).contains("Default `sigmoid`");
	}

	@Test
	void theLearnersAnswersMarkEveryFieldTheyAlwaysHaveAsRequiredSoTypedClientsNeedNoNullChecks() {
		JsonNode schemas = document().at("/components/schemas");
		Map<String, Set<String>> optional = Map.of("PredictResponse", Set.of("loss"));
		for (String name : List.of("CheckResponse", "AnswerVerdict", "Mistake", "Exercise", "ExerciseQuestion",
				"Dataset", "DataPoints", "DatasetSummary", "PredictResponse", "LayerOutput")) {
			JsonNode schema = schemas.get(name);
			assertThat(schema).as(name).isNotNull();
			Set<String> expected = new LinkedHashSet<>(names(schema.get("properties")));
			expected.removeAll(optional.getOrDefault(name, Set.of()));
			assertThat(names(schema.get("required"))).as(name + ".required").containsAll(expected);
		}
	}

	@Test
	void everyOptionalRequestFieldMayBeNullAndNullIsTheSameAsLeavingItOut() {
		JsonNode schemas = document().at("/components/schemas");
		for (String name : List.of("TrainStepRequest", "TrainRequest")) {
			JsonNode schema = schemas.get(name);
			Set<String> required = names(schema.get("required"));
			schema.get("properties").properties().forEach(property -> {
				if (!required.contains(property.getKey())) {
					assertThat(property.getValue().toString()).as(name + "." + property.getKey()).contains("\"null\"");
				}
			});
		}
		Answer answer = postJson("/train-step", """
				{"inputs": [[0.5, 0.2, 0.8]], "weights": [[0.1], [-0.3], [0.5]], "bias": [[0.1]], "label": [[0.7]],
				 "learningRate": 0.1, "activation": null, "layers": null, "loss": null, "optimizer": null,
				 "optimizerState": null}""");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.json().at("/after/loss").asDouble()).isEqualTo(SeedValues.scalar("loss_updated"));
	}

	@Test
	void enumsAreCaseInsensitivePatternsThatAcceptWhatTheServiceAccepts() {
		JsonNode document = document();
		String activation = document.at("/components/schemas/Layer/properties/activation/pattern").asString();
		assertThat("LEAKY_ReLU").matches(activation);
		assertThat("sigmoid").matches(activation);
		assertThat("sigmoidal").doesNotMatch(activation);
		String type = document.at("/components/schemas/Optimizer/properties/type/pattern").asString();
		assertThat("Adam").matches(type);
		JsonNode parameters = document.at("/paths/~1train-step/post/parameters");
		for (JsonNode parameter : parameters) {
			if (parameter.get("name").asString().equals("include")) {
				assertThat("SUMMARY").matches(parameter.at("/schema/pattern").asString());
			}
			if (parameter.get("name").asString().equals("Accept-Language")) {
				assertThat(parameter.get("schema").has("enum")).as("any language tag is allowed").isFalse();
			}
		}
		// and the service does accept them so
		ObjectNode body = Api.object(SEED);
		body.put("activation", "SIGMOID");
		body.putObject("optimizer").put("type", "Adam");
		Answer answer = api().exchange(HttpMethod.POST, "/train-step?include=SUMMARY", headers -> {
			headers.setContentType(MediaType.APPLICATION_JSON);
			headers.set("Accept-Language", "en-US,en;q=0.9");
		}, body.toString());
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.json().at("/update/optimizer/type").asString()).isEqualTo("adam");
	}

	@Test
	void everyErrorStatusIsAProblemAndTheCommonOnesAreDocumentedEverywhere() {
		forEachOperation((where, operation) -> {
			JsonNode responses = operation.get("responses");
			assertThat(names(responses)).as(where).contains("406", "429");
			assertThat(names(responses.at("/429/headers"))).as(where + ": 429's headers")
				.contains("Retry-After", "RateLimit-Policy", "RateLimit");
			Set<String> in = new HashSet<>();
			operation.path("parameters").forEach(parameter -> in.add(parameter.get("in").asString()));
			if (in.contains("query")) {
				assertThat(names(responses)).as(where).contains("400");
			}
			if (in.contains("path")) {
				assertThat(names(responses)).as(where).contains("404");
			}
			if (operation.has("requestBody")) {
				assertThat(names(responses)).as(where).contains("400", "413", "415", "503");
				assertThat(responses.at("/503/headers").has("Retry-After")).as(where).isTrue();
			}
			responses.properties().forEach(response -> {
				if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
					assertThat(names(response.getValue().get("content"))).as(where + " " + response.getKey())
						.containsExactly("application/problem+json");
					assertThat(response.getValue().at("/content/application~1problem+json/schema/$ref").asString())
						.isEqualTo("#/components/schemas/Problem");
				}
				else {
					JsonNode json = response.getValue().at("/content/application~1json/schema");
					assertThat(json.has("anyOf") || json.has("oneOf")).as(where + ": one model").isFalse();
				}
			});
		});
		JsonNode problem = schema("Problem");
		assertThat(names(problem.get("required"))).containsExactlyInAnyOrder("type", "title", "status", "detail");
		assertThat(names(problem.get("properties"))).contains("errors", "quantity", "parameter", "limit", "budget",
				"work");
		assertThat(schema("ProblemError").at("/properties/pointer/description").asString()).contains("JSON Pointer");
	}

	private void forEachOperation(BiConsumer<String, JsonNode> action) {
		document().get("paths")
			.properties()
			.forEach(path -> path.getValue()
				.properties()
				.forEach(method -> action.accept(method.getKey() + " " + path.getKey(), method.getValue())));
	}

	private static Set<String> names(JsonNode node) {
		Set<String> names = new LinkedHashSet<>();
		if (node == null) {
			return names;
		}
		if (node.isArray()) {
			node.forEach(n -> names.add(n.asString()));
		}
		else {
			node.properties().forEach(p -> names.add(p.getKey()));
		}
		return names;
	}

	/**
	 * Calls {@code action} on every object of the tree, with its JSON Pointer, except
	 * inside examples (values, not schemas).
	 */
	private static void walk(JsonNode node, String at, BiConsumer<String, JsonNode> action) {
		if (node.isObject()) {
			action.accept(at, node);
			node.properties().forEach(p -> {
				if (!p.getKey().equals("example") && !p.getKey().equals("examples")) {
					walk(p.getValue(), at + "/" + p.getKey(), action);
				}
			});
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), at + "/" + i, action);
			}
		}
	}

}
