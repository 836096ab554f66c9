package lab.backprop.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1HTTPGetAction;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1Probe;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import io.kubernetes.client.openapi.models.V2MetricSpec;
import io.kubernetes.client.util.ModelMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The Kubernetes manifests in {@code k8s/}: the kustomization rendered as
 * {@code kubectl apply -k k8s/} would (its resources, in order), every document parsed
 * strictly by the official Kubernetes Java client's models (unknown fields, wrong types
 * and missing required fields are errors, as the API server's strict field validation
 * makes them), and the ties between the manifests and the service checked: probe paths
 * and port, environment variables, resources, security, shutdown, scaling.
 */
class KubernetesManifestsTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath();

	private static final Path K8S = PROJECT.resolve("k8s");

	/**
	 * The kustomization fields this renderer understands; anything else fails the test.
	 */
	private static final Set<String> KUSTOMIZATION_FIELDS = Set.of("apiVersion", "kind", "resources");

	/**
	 * Environment variables that are not Spring properties, each with the reason it is
	 * allowed: {@code PORT} is a placeholder in application.yml (checked below),
	 * {@code OPENBLAS_NUM_THREADS} is read by OpenBLAS itself.
	 */
	private static final Set<String> NOT_PROPERTIES = Set.of("PORT", "OPENBLAS_NUM_THREADS");

	/**
	 * backprop.* properties the ConfigMap leaves unset on purpose: the admission budget
	 * defaults to half the heap, which follows the memory limit.
	 */
	private static final Set<String> LEFT_AT_DEFAULT = Set.of("backprop.admission.memory");

	private static final Gson GSON = new Gson();

	private static List<Document> documents;

	private static Map<String, JsonObject> metadata;

	@BeforeAll
	static void render() throws IOException {
		documents = render(K8S);
		metadata = configurationMetadata();
	}

	@Test
	void theKustomizationRendersEveryKindOnceAndEachParsesStrictly() {
		assertThat(documents).extracting(Document::kind)
			.containsExactlyInAnyOrder("ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler",
					"PodDisruptionBudget");
		for (Document document : documents) {
			assertThat(document.model()).as(document.toString()).isNotNull();
		}
	}

	@Test
	void theStrictParserRejectsUnknownFieldsWrongTypesAndMissingRequiredFields() {
		Document deployment = only("Deployment");

		Map<String, Object> unknownField = copy(deployment.yaml());
		httpGet(unknownField, "livenessProbe").put("pathh", "/actuator/health/liveness");
		assertThatThrownBy(() -> parseStrictly(unknownField)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("pathh");

		Map<String, Object> unknownTopLevel = copy(deployment.yaml());
		map(unknownTopLevel, "spec").put("replica", 3);
		assertThatThrownBy(() -> parseStrictly(unknownTopLevel)).hasMessageContaining("replica");

		Map<String, Object> wrongType = copy(deployment.yaml());
		map(wrongType, "spec").put("replicas", "two");
		assertThatThrownBy(() -> parseStrictly(wrongType)).isInstanceOf(RuntimeException.class);

		Map<String, Object> notAList = copy(deployment.yaml());
		container(notAList).put("ports", Map.of("name", "http", "containerPort", 8080));
		// (the generated validator fails on a cast here, without naming the field)
		assertThatThrownBy(() -> parseStrictly(notAList)).isInstanceOf(RuntimeException.class);

		Map<String, Object> missingRequired = copy(deployment.yaml());
		container(missingRequired).remove("name");
		assertThatThrownBy(() -> parseStrictly(missingRequired)).hasMessageContaining("name");

		// and the untouched copy still parses: the failures above are the planted ones
		assertThat(parseStrictly(copy(deployment.yaml()))).isInstanceOf(V1Deployment.class);
	}

	@Test
	void probesUseTheActuatorsRealPathsOnTheManagementPortWhichTheServiceDoesNotPublish() throws IOException {
		Map<String, Object> application = applicationYaml();
		assertThat(path(application, "management.endpoint.health.probes.enabled"))
			.as("application.yml: management.endpoint.health.probes.enabled")
			.isEqualTo(true);
		assertThat(String.valueOf(path(application, "management.endpoints.web.exposure.include")))
			.as("application.yml: the health endpoint is exposed over HTTP")
			.containsPattern("\\bhealth\\b");
		Object basePath = path(application, "management.endpoints.web.base-path");
		String actuator = (basePath != null) ? basePath.toString() : "/actuator";
		String liveness = actuator + "/health/liveness";
		String readiness = actuator + "/health/readiness";

		V1Container container = container();
		Map<String, String> env = podEnvironment();
		int managementPort = Integer.parseInt(env.get("MANAGEMENT_SERVER_PORT"));
		int applicationPort = Integer.parseInt(env.getOrDefault("PORT", "8080"));
		assertThat(managementPort).isNotEqualTo(applicationPort);
		assertThat(containerPort(container, new IntOrString("management"))).isEqualTo(managementPort);
		assertThat(containerPort(container, new IntOrString("http"))).isEqualTo(applicationPort);

		assertProbe(container.getStartupProbe(), "startup", Set.of(liveness, readiness), managementPort, container);
		assertProbe(container.getLivenessProbe(), "liveness", Set.of(liveness), managementPort, container);
		assertProbe(container.getReadinessProbe(), "readiness", Set.of(readiness), managementPort, container);

		V1Service service = (V1Service) only("Service").model();
		assertThat(service.getSpec().getSelector()).as("the Service selects the pods")
			.isEqualTo(podLabels(service.getSpec().getSelector().keySet()));
		for (V1ServicePort port : service.getSpec().getPorts()) {
			assertThat(containerPort(container, port.getTargetPort()))
				.as("the Service's port %s leads to the application's port, not the actuator's", port.getName())
				.isEqualTo(applicationPort);
		}
	}

	@Test
	void everyEnvironmentVariableIsARealPropertyWithAValueOfItsType() throws IOException {
		Map<String, String> env = podEnvironment();
		assertThat(env).containsKeys("MANAGEMENT_SERVER_PORT", "BACKPROP_ENGINE_BLAS",
				"LOGGING_STRUCTURED_FORMAT_CONSOLE");

		// Boot's own mapping from environment variables to properties (relaxed binding),
		// one variable at a time, against every property in the metadata
		Map<String, String> propertyOf = new TreeMap<>();
		for (Map.Entry<String, String> variable : env.entrySet()) {
			ConfigurationPropertySource source = ConfigurationPropertySource
				.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						Map.of(variable.getKey(), variable.getValue())));
			Binder binder = new Binder(List.of(source), null, ApplicationConversionService.getSharedInstance());
			for (Map.Entry<String, JsonObject> property : metadata.entrySet()) {
				ConfigurationPropertyName name = ConfigurationPropertyName.of(property.getKey());
				if (source.getConfigurationProperty(name) == null) {
					continue;
				}
				assertThat(propertyOf.put(variable.getKey(), property.getKey())).as("%s names one property", variable)
					.isNull();
				JsonElement type = property.getValue().get("type");
				if (type != null) {
					// the value converts to the property's type, as it will at start
					assertThat(binder.bind(name, bindable(type.getAsString())).isBound())
						.as("%s binds to %s (%s)", variable, property.getKey(), type)
						.isTrue();
				}
			}
		}
		Set<String> unknown = new TreeSet<>(env.keySet());
		unknown.removeAll(propertyOf.keySet());
		unknown.removeAll(NOT_PROPERTIES);
		assertThat(unknown).as("environment variables that name no property (mapped: %s)", propertyOf).isEmpty();

		// PORT is the application's own placeholder
		assertThat(Files.readString(PROJECT.resolve("src/main/resources/application.yml"))).contains("port: ${PORT:");

		// every backprop.* setting is in the ConfigMap, written out for operators
		V1ConfigMap configMap = (V1ConfigMap) only("ConfigMap").model();
		Set<String> inConfigMap = configMap.getData()
			.keySet()
			.stream()
			.map(propertyOf::get)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> backprop = metadata.keySet()
			.stream()
			.filter((name) -> name.startsWith("backprop."))
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(backprop).as("the application's own properties (configuration processor)").isNotEmpty();
		backprop.removeAll(LEFT_AT_DEFAULT);
		assertThat(inConfigMap).containsAll(backprop);
	}

	@Test
	void resourcesAreSetAndTheHeapTheyGiveIsTheOneMeasuredUnderLoad() throws IOException {
		V1Container container = container();
		Map<String, Quantity> requests = container.getResources().getRequests();
		Map<String, Quantity> limits = container.getResources().getLimits();
		assertThat(requests).containsKeys("cpu", "memory");
		assertThat(limits).containsKeys("cpu", "memory");
		assertThat(requests.get("memory").getNumber()).as("memory requested as limited")
			.isEqualByComparingTo(limits.get("memory").getNumber());
		assertThat(requests.get("cpu").getNumber()).isLessThanOrEqualTo(limits.get("cpu").getNumber());

		// the image sizes the heap as a share of the memory limit (Dockerfile,
		// JDK_JAVA_OPTIONS) ...
		String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
		double share = Double.parseDouble(group(dockerfile, "-XX:MaxRAMPercentage=([0-9.]+)")) / 100;
		long heap = (long) (limits.get("memory").getNumber().longValue() * share);
		// ... and that heap is at least the one bench/memory-under-load.sh proves with 64
		// MNIST steps at once
		String bench = Files.readString(PROJECT.resolve("bench/memory-under-load.sh"));
		long measured = Long.parseLong(group(bench, "HEAP=\"\\$\\{HEAP:-([0-9]+)m\\}\"")) * 1024 * 1024;
		assertThat(heap).isGreaterThanOrEqualTo(measured);

		// OpenBLAS threads each product over what it sees: no more threads than the CPU
		// limit
		int threads = Integer.parseInt(podEnvironment().get("OPENBLAS_NUM_THREADS"));
		assertThat(threads).isLessThanOrEqualTo(limits.get("cpu").getNumber().intValue());
	}

	@Test
	void thePodRunsAsTheImagesNonRootUserOnAReadOnlyRootWithAWritableTmp() throws IOException {
		V1PodSpec pod = deployment().getSpec().getTemplate().getSpec();
		V1Container container = container();
		String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
		long uid = Long.parseLong(group(dockerfile, "useradd [^\\n]*--uid ([0-9]+)"));

		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(uid);
		assertThat(container.getSecurityContext().getRunAsNonRoot()).isNotEqualTo(Boolean.FALSE);
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();

		V1VolumeMount tmp = container.getVolumeMounts()
			.stream()
			.filter((mount) -> mount.getMountPath().equals("/tmp"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no volume at /tmp"));
		assertThat(tmp.getReadOnly()).isNotEqualTo(Boolean.TRUE);
		V1Volume volume = pod.getVolumes()
			.stream()
			.filter((candidate) -> candidate.getName().equals(tmp.getName()))
			.findFirst()
			.orElseThrow();
		assertThat(volume.getEmptyDir()).as("/tmp is an emptyDir").isNotNull();
	}

	@Test
	void theGracePeriodFitsThePreStopPauseAndBootsGracefulShutdown() throws IOException {
		Map<String, Object> application = applicationYaml();
		assertThat(path(application, "server.shutdown")).as("server.shutdown (Boot's default: graceful)")
			.isIn(null, "graceful");
		Object timeout = path(application, "spring.lifecycle.timeout-per-shutdown-phase");
		long shutdown = (timeout != null) ? DurationStyle.detectAndParse(timeout.toString()).toSeconds() : 30;

		V1Container container = container();
		List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
		assertThat(preStop).hasSize(2).first().isEqualTo("sleep");
		long pause = Long.parseLong(preStop.get(1));
		assertThat(pause).as("the preStop pause lets the endpoints drop the pod").isBetween(3L, 30L);

		long grace = deployment().getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
		assertThat(grace)
			.as("terminationGracePeriodSeconds >= preStop %s s + graceful shutdown %s s + 5 s", pause, shutdown)
			.isGreaterThanOrEqualTo(pause + shutdown + 5);
		// the readiness probe's period is shorter than the pause: the pod is out of the
		// endpoints before SIGTERM
		assertThat((long) container.getReadinessProbe().getPeriodSeconds()).isLessThan(pause);
	}

	@Test
	void theAutoscalerAndTheDisruptionBudgetSelectTheDeployment() {
		V1Deployment deployment = deployment();
		Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
		assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
		int replicas = deployment.getSpec().getReplicas();
		assertThat(replicas).isEqualTo(2);

		V2HorizontalPodAutoscaler hpa = (V2HorizontalPodAutoscaler) only("HorizontalPodAutoscaler").model();
		assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
		assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
		assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
		assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(replicas);
		assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(replicas);
		V2MetricSpec cpu = hpa.getSpec()
			.getMetrics()
			.stream()
			.filter((metric) -> metric.getType().equals("Resource") && metric.getResource().getName().equals("cpu"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the autoscaler does not scale on CPU"));
		assertThat(cpu.getResource().getTarget().getType()).isEqualTo("Utilization");
		assertThat(cpu.getResource().getTarget().getAverageUtilization()).isBetween(1, 100);

		V1PodDisruptionBudget pdb = (V1PodDisruptionBudget) only("PodDisruptionBudget").model();
		assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
		assertThat(pdb.getSpec().getSelector().getMatchLabels()).isNotEmpty();
		IntOrString minAvailable = pdb.getSpec().getMinAvailable();
		assertThat(minAvailable).as("minAvailable, as a number of pods").isNotNull();
		assertThat(minAvailable.isInteger()).isTrue();
		assertThat(minAvailable.getIntValue()).as("a node drain can still evict a pod").isBetween(1, replicas - 1);
	}

	// --- rendering and strict parsing

	/**
	 * The documents {@code kubectl kustomize DIR} renders for a kustomization that lists
	 * only resources: each resource file's documents, in the listed order.
	 */
	private static List<Document> render(Path dir) throws IOException {
		Map<String, Object> kustomization = yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
		assertThat(kustomization).containsEntry("apiVersion", "kustomize.config.k8s.io/v1beta1")
			.containsEntry("kind", "Kustomization");
		assertThat(KUSTOMIZATION_FIELDS)
			.as("fields this test renders (add what you use to the renderer): %s", kustomization.keySet())
			.containsAll(kustomization.keySet());
		List<Document> rendered = new ArrayList<>();
		for (Object resource : (List<?>) kustomization.get("resources")) {
			Path file = dir.resolve(resource.toString()).normalize();
			assertThat(file).as("resource %s", resource).isRegularFile().startsWith(dir);
			int index = 0;
			for (Object loaded : yaml().loadAll(Files.readString(file))) {
				if (loaded == null) {
					continue;
				}
				@SuppressWarnings("unchecked")
				Map<String, Object> document = (Map<String, Object>) loaded;
				rendered.add(new Document(dir.relativize(file) + "#" + index++, document, parseStrictly(document)));
			}
		}
		Set<String> names = new LinkedHashSet<>();
		for (Document document : rendered) {
			assertThat(names.add(document.kind() + "/" + document.name())).as("duplicate %s", document).isTrue();
		}
		return rendered;
	}

	/**
	 * The model of the document's apiVersion and kind, read with the generated
	 * {@code fromJson}, which validates the JSON against the OpenAPI schema: unknown
	 * fields, wrong types and missing required fields throw.
	 */
	private static Object parseStrictly(Map<String, Object> document) {
		String apiVersion = (String) document.get("apiVersion");
		String kind = (String) document.get("kind");
		Class<?> type = ModelMapper.getApiTypeClass(apiVersion, kind);
		if (type == null) {
			throw new IllegalArgumentException("no Kubernetes model for " + apiVersion + " " + kind);
		}
		try {
			return type.getMethod("fromJson", String.class).invoke(null, GSON.toJson(document));
		}
		catch (InvocationTargetException ex) {
			Throwable cause = ex.getCause();
			throw (cause instanceof RuntimeException runtime) ? runtime : new IllegalArgumentException(cause);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** YAML as the API server reads it: no duplicate keys. */
	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		return new Yaml(new SafeConstructor(options));
	}

	private record Document(String source, Map<String, Object> yaml, Object model) {

		String kind() {
			return (String) this.yaml.get("kind");
		}

		String name() {
			return (String) ((Map<?, ?>) this.yaml.get("metadata")).get("name");
		}

		@Override
		public String toString() {
			return kind() + "/" + name() + " (" + this.source + ")";
		}

	}

	// --- the manifests' parts

	private static Document only(String kind) {
		List<Document> found = documents.stream().filter((document) -> document.kind().equals(kind)).toList();
		assertThat(found).as(kind).hasSize(1);
		return found.get(0);
	}

	private static V1Deployment deployment() {
		return (V1Deployment) only("Deployment").model();
	}

	private static V1Container container() {
		List<V1Container> containers = deployment().getSpec().getTemplate().getSpec().getContainers();
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	private static Map<String, String> podLabels(Set<String> keys) {
		Map<String, String> labels = deployment().getSpec().getTemplate().getMetadata().getLabels();
		return keys.stream().filter(labels::containsKey).collect(Collectors.toMap(Function.identity(), labels::get));
	}

	/**
	 * The container's environment as the kubelet builds it: each envFrom ConfigMap's
	 * data, then env (which wins).
	 */
	private static Map<String, String> podEnvironment() {
		V1Container container = container();
		Map<String, String> env = new LinkedHashMap<>();
		if (container.getEnvFrom() != null) {
			container.getEnvFrom().forEach((from) -> {
				assertThat(from.getConfigMapRef()).as("envFrom: only ConfigMaps").isNotNull();
				assertThat(from.getPrefix()).isNull();
				V1ConfigMap configMap = documents.stream()
					.filter((document) -> document.kind().equals("ConfigMap")
							&& document.name().equals(from.getConfigMapRef().getName()))
					.map((document) -> (V1ConfigMap) document.model())
					.findFirst()
					.orElseThrow(() -> new AssertionError("no ConfigMap " + from.getConfigMapRef().getName()));
				env.putAll(configMap.getData());
			});
		}
		for (V1EnvVar variable : container.getEnv()) {
			assertThat(variable.getValue()).as("env %s has a literal value", variable.getName()).isNotNull();
			env.put(variable.getName(), variable.getValue());
		}
		return env;
	}

	private static int containerPort(V1Container container, IntOrString port) {
		if (port.isInteger()) {
			return port.getIntValue();
		}
		return container.getPorts()
			.stream()
			.filter((candidate) -> port.getStrValue().equals(candidate.getName()))
			.map(V1ContainerPort::getContainerPort)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no container port named " + port.getStrValue()));
	}

	private static void assertProbe(V1Probe probe, String name, Set<String> paths, int port, V1Container container) {
		assertThat(probe).as("%s probe", name).isNotNull();
		V1HTTPGetAction get = probe.getHttpGet();
		assertThat(get).as("%s probe: an HTTP GET", name).isNotNull();
		assertThat(get.getPath()).as("%s probe path", name).isIn(paths);
		assertThat(containerPort(container, get.getPort())).as("%s probe port", name).isEqualTo(port);
		assertThat(get.getScheme()).isIn(null, "HTTP");
	}

	// --- the application's side

	/**
	 * Every property the application knows: its own (the configuration processor's output
	 * for the backprop.* records) and Boot's, from every metadata file on the class path.
	 */
	private static Map<String, JsonObject> configurationMetadata() throws IOException {
		Map<String, JsonObject> properties = new TreeMap<>();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			Enumeration<URL> files = KubernetesManifestsTest.class.getClassLoader().getResources(resource);
			while (files.hasMoreElements()) {
				try (InputStream in = files.nextElement().openStream()) {
					JsonElement json = JsonParser.parseReader(new InputStreamReader(in, StandardCharsets.UTF_8));
					if (json.getAsJsonObject().has("properties")) {
						for (JsonElement property : json.getAsJsonObject().getAsJsonArray("properties")) {
							JsonObject object = property.getAsJsonObject();
							String name = object.get("name").getAsString();
							if (ConfigurationPropertyName.isValid(name)) {
								properties.merge(name, object, (a, b) -> a.has("type") ? a : b);
							}
						}
					}
				}
			}
		}
		assertThat(properties).containsKeys("backprop.engine.blas", "management.server.port",
				"logging.structured.format.console");
		return properties;
	}

	private static Bindable<?> bindable(String type) {
		String raw = type.replaceAll("<.*>", "");
		Class<?> rawClass = load(raw);
		if (raw.equals(type)) {
			return Bindable.of(rawClass);
		}
		Matcher arguments = Pattern.compile("<(.*)>").matcher(type);
		assertThat(arguments.find()).isTrue();
		Class<?>[] generics = new Class<?>[0];
		List<Class<?>> parsed = new ArrayList<>();
		for (String argument : arguments.group(1).split(",")) {
			parsed.add(load(argument.trim().replaceAll("<.*>", "")));
		}
		return Bindable.of(ResolvableType.forClassWithGenerics(rawClass, parsed.toArray(generics)));
	}

	private static Class<?> load(String name) {
		try {
			return ClassUtils.forName(name, KubernetesManifestsTest.class.getClassLoader());
		}
		catch (ClassNotFoundException ex) {
			return fail("the metadata names a type that is not on the class path: " + name);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> applicationYaml() throws IOException {
		return (Map<String, Object>) yaml()
			.load(Files.readString(PROJECT.resolve("src/main/resources/application.yml")));
	}

	/** A dotted path into nested maps, or null. */
	private static Object path(Map<String, Object> root, String dotted) {
		Object node = root;
		for (String key : dotted.split("\\.")) {
			if (!(node instanceof Map<?, ?> map)) {
				return null;
			}
			node = map.get(key);
		}
		return node;
	}

	private static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as("%s in the file", regex).isTrue();
		return matcher.group(1);
	}

	// --- editing a copy of a document

	private static Map<String, Object> copy(Map<String, Object> document) {
		return yaml().load(new Yaml().dump(document));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Map<String, Object> parent, String key) {
		return (Map<String, Object>) parent.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(Map<String, Object> deployment) {
		Map<String, Object> pod = map(map(map(deployment, "spec"), "template"), "spec");
		return ((List<Map<String, Object>>) pod.get("containers")).get(0);
	}

	private static Map<String, Object> httpGet(Map<String, Object> deployment, String probe) {
		return map(map(container(deployment), probe), "httpGet");
	}

}
