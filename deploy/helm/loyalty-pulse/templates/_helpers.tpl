{{/*
What the chart knows about each service, and values cannot change: its application name (image repository and
Spring application name), its port, and whether it is a Kafka Streams service (a StatefulSet with state on a volume
and static membership) or a stateless ingest (a Deployment). A new service adds one line here, its block under
services in values.yaml, and one line under services in values.schema.json.
*/}}
{{- define "loyalty-pulse.catalogue" -}}
purchase: {app: purchase-service, port: 8080, streams: false}
points: {app: points-service, port: 8082, streams: true}
survey: {app: survey-service, port: 8083, streams: true}
churn-alert: {app: churn-alert-service, port: 8084, streams: true}
{{- end }}

{{/* The chart name, or nameOverride. */}}
{{- define "loyalty-pulse.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The prefix of every resource name: fullnameOverride, or <release>-<chart> (just <release> when it already contains
the chart name). Truncated so that "<fullname>-<service>-headless" and pod names stay within DNS limits.
*/}}
{{- define "loyalty-pulse.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "loyalty-pulse.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource. */}}
{{- define "loyalty-pulse.labels" -}}
helm.sh/chart: {{ include "loyalty-pulse.chart" . }}
{{ include "loyalty-pulse.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: loyalty-pulse
{{- end }}

{{/* Selects every pod of the release. */}}
{{- define "loyalty-pulse.selectorLabels" -}}
app.kubernetes.io/name: {{ include "loyalty-pulse.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one service's resources; context: dict root, key (purchase, points, survey, churn-alert). */}}
{{- define "loyalty-pulse.componentLabels" -}}
{{ include "loyalty-pulse.labels" .root }}
app.kubernetes.io/component: {{ .key }}
{{- end }}

{{/* Selects one service's pods; context: dict root, key. */}}
{{- define "loyalty-pulse.componentSelectorLabels" -}}
{{ include "loyalty-pulse.selectorLabels" .root }}
app.kubernetes.io/component: {{ .key }}
{{- end }}

{{/* Name of one service's resources: <fullname>-<key>; context: dict root, key. */}}
{{- define "loyalty-pulse.componentName" -}}
{{- printf "%s-%s" (include "loyalty-pulse.fullname" .root) .key }}
{{- end }}

{{/* The headless Service of a Streams service, which gives each pod its DNS name. */}}
{{- define "loyalty-pulse.headlessName" -}}
{{- printf "%s-headless" (include "loyalty-pulse.componentName" .) }}
{{- end }}

{{- define "loyalty-pulse.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "loyalty-pulse.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret with the API keys: the user's, or the chart's own when it has keys to put in one; empty if none. */}}
{{- define "loyalty-pulse.apiKeysSecretName" -}}
{{- if .Values.apiKeys.existingSecret }}
{{- .Values.apiKeys.existingSecret }}
{{- else if .Values.apiKeys.keys }}
{{- printf "%s-api-keys" (include "loyalty-pulse.fullname" .) }}
{{- end }}
{{- end }}

{{/* churn-alert-service's Secret with the dashboard users and API key; empty if none. Context: dict key, svc. */}}
{{- define "loyalty-pulse.dashboardSecretName" -}}
{{- if eq .key "churn-alert" }}{{ .svc.dashboard.existingSecret }}{{ end }}
{{- end }}

{{/* The image of one service; context: dict root, key, svc, meta. */}}
{{- define "loyalty-pulse.image" -}}
{{- $image := .root.Values.image }}
{{- $repository := default (printf "%s%s" $image.repositoryPrefix .meta.app) .svc.image.repository }}
{{- $tag := default (default .root.Chart.AppVersion $image.tag) .svc.image.tag }}
{{- if $image.registry }}
{{- printf "%s/%s:%s" $image.registry $repository $tag }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/* Kafka's security.protocol from the sasl and tls settings. */}}
{{- define "loyalty-pulse.kafkaProtocol" -}}
{{- $kafka := .Values.kafka }}
{{- if and $kafka.sasl.enabled $kafka.tls.enabled }}SASL_SSL
{{- else if $kafka.sasl.enabled }}SASL_PLAINTEXT
{{- else if $kafka.tls.enabled }}SSL
{{- else }}PLAINTEXT
{{- end }}
{{- end }}

{{/* The Secret with the brokers' CA: caSecret, else existingSecret; empty: trust the runtime's public CAs. */}}
{{- define "loyalty-pulse.kafkaCaSecret" -}}
{{- $tls := .Values.kafka.tls }}
{{- if and $tls.enabled $tls.caKey }}{{ default $tls.existingSecret $tls.caSecret }}{{ end }}
{{- end }}

{{/*
The Spring configuration the chart gives one service, as YAML (mounted as /etc/loyalty-pulse/config/application.yaml,
over the service's own application.yaml). Secrets are never written here: ${...} are Spring placeholders that the
service resolves from environment variables filled from Secrets. Context: dict root, key, svc, meta.
*/}}
{{- define "loyalty-pulse.springConfig" -}}
{{- $v := .root.Values }}
{{- $kafka := $v.kafka }}
{{- $topics := $kafka.topics }}
spring:
  kafka:
    bootstrap-servers: {{ required "kafka.bootstrapServers is required: the host:port list of your Kafka brokers" $kafka.bootstrapServers | quote }}
    properties:
      schema.registry.url: {{ required "schemaRegistry.url is required: the Confluent API URL of your schema registry" $v.schemaRegistry.url | quote }}
      security.protocol: {{ include "loyalty-pulse.kafkaProtocol" .root }}
      {{- if $kafka.sasl.enabled }}
      sasl.mechanism: {{ $kafka.sasl.mechanism }}
      {{- $module := ternary "org.apache.kafka.common.security.plain.PlainLoginModule" "org.apache.kafka.common.security.scram.ScramLoginModule" (eq $kafka.sasl.mechanism "PLAIN") }}
      sasl.jaas.config: {{ printf "%s required username=\"${LOYALTY_KAFKA_SASL_USERNAME}\" password=\"${LOYALTY_KAFKA_SASL_PASSWORD}\";" $module | quote }}
      {{- end }}
      {{- if include "loyalty-pulse.kafkaCaSecret" .root }}
      ssl.truststore.type: PEM
      ssl.truststore.certificates: "${LOYALTY_KAFKA_TLS_CA}"
      {{- end }}
      {{- if and $kafka.tls.enabled $kafka.tls.clientAuth }}
      ssl.keystore.type: PEM
      ssl.keystore.certificate.chain: "${LOYALTY_KAFKA_TLS_CERT}"
      ssl.keystore.key: "${LOYALTY_KAFKA_TLS_KEY}"
      {{- end }}
      {{- if $v.schemaRegistry.basicAuth.existingSecret }}
      basic.auth.credentials.source: USER_INFO
      basic.auth.user.info: "${LOYALTY_SCHEMA_REGISTRY_USER_INFO}"
      {{- end }}
    {{- if .meta.streams }}
    streams:
      state-dir: /var/lib/loyalty-pulse/state
      properties:
        num.standby.replicas: {{ .svc.standbyReplicas }}
        {{- if gt (int $topics.replicationFactor) 0 }}
        replication.factor: {{ $topics.replicationFactor }}
        {{- end }}
    {{- end }}
  {{- if $v.jwt.enabled }}
  security:
    oauth2:
      resourceserver:
        jwt:
          {{- with $v.jwt.issuerUri }}
          issuer-uri: {{ . | quote }}
          {{- end }}
          {{- with $v.jwt.jwkSetUri }}
          jwk-set-uri: {{ . | quote }}
          {{- end }}
  {{- end }}
server:
  port: {{ .meta.port }}
loyalty:
  kafka:
    provision-topics: {{ $topics.provision }}
    verify-topics: {{ $topics.verify }}
    max-event-age: {{ $topics.maxEventAge }}
  topics:
    partitions: {{ $topics.partitions }}
    {{- if gt (int $topics.replicationFactor) 0 }}
    replication-factor: {{ $topics.replicationFactor }}
    {{- end }}
    {{- range $name, $value := $topics.names }}
    {{ $name }}: {{ $value | quote }}
    {{- end }}
  {{- /*
  purchase-service accepts events as old as the topics keep. survey-service's ingest keeps its own max-past-age
  (365d by default, services.survey.config): it must stay below loyalty.nps.retention so that every accepted answer
  is counted, and the topics keep maxEventAge, which is more.
  */}}
  {{- if eq .key "purchase" }}
  ingest:
    max-past-age: {{ $topics.maxEventAge }}
  {{- end }}
  {{- if .meta.streams }}
  streams:
    close-timeout: {{ .svc.closeTimeoutSeconds }}s
  {{- end }}
  {{- if eq .key "churn-alert" }}
  {{- include "loyalty-pulse.churnAlertConfig" . | nindent 2 }}
  {{- end }}
  security:
    jwt:
      enabled: {{ $v.jwt.enabled }}
{{- end }}

{{/*
churn-alert-service's own settings under loyalty: the webhook subscriptions of values, each secret a placeholder
(${LOYALTY_WEBHOOKS_SUBSCRIPTION_<n>_SECRET}) that an environment variable fills from webhooks.existingSecret; the
survey-service and points-service the dashboard reads NPS, points and tiers from (the API keys it reads with come with
the users, from dashboard.existingSecret).
Context: dict root, key, svc, meta.
*/}}
{{- define "loyalty-pulse.churnAlertConfig" -}}
{{- $webhooks := .svc.webhooks }}
{{- if or $webhooks.subscriptions $webhooks.dashboardBaseUrl }}
webhooks:
  {{- with $webhooks.dashboardBaseUrl }}
  dashboard-base-url: {{ . | quote }}
  {{- end }}
  {{- if $webhooks.subscriptions }}
  {{- $_ := required "services.churn-alert.webhooks.existingSecret is required with webhooks.subscriptions: the Secret holding their whsec_ secrets" $webhooks.existingSecret }}
  subscriptions:
    {{- range $i, $s := $webhooks.subscriptions }}
    - id: {{ $s.id | quote }}
      url: {{ $s.url | quote }}
      {{- with $s.eventTypes }}
      event-types: {{ toJson . }}
      {{- end }}
      {{- with $s.minSeverity }}
      min-severity: {{ . }}
      {{- end }}
      {{- with $s.stores }}
      stores: {{ toJson . }}
      {{- end }}
      format: {{ default "standard" $s.format }}
      secret: {{ printf "${LOYALTY_WEBHOOKS_SUBSCRIPTION_%d_SECRET}" $i | quote }}
    {{- end }}
  {{- end }}
{{- end }}
dashboard:
  survey-service:
    url: {{ default (printf "http://%s:8083" (include "loyalty-pulse.componentName" (dict "root" .root "key" "survey"))) .svc.dashboard.surveyServiceUrl | quote }}
  points-service:
    url: {{ default (printf "http://%s:8082" (include "loyalty-pulse.componentName" (dict "root" .root "key" "points"))) .svc.dashboard.pointsServiceUrl | quote }}
{{- end }}

{{/* Environment of one service's container; context: dict root, key, svc, meta. */}}
{{- define "loyalty-pulse.env" -}}
{{- $v := .root.Values -}}
{{- $dashboardFile := "" }}
{{- if include "loyalty-pulse.dashboardSecretName" . }}
{{- $dashboardFile = printf ",optional:file:/etc/loyalty-pulse/dashboard/%s" .svc.dashboard.secretKey }}
{{- end -}}
- name: SPRING_CONFIG_ADDITIONAL_LOCATION
  value: {{ printf "optional:file:/etc/loyalty-pulse/config/application.yaml%s%s" (ternary (printf ",optional:file:/etc/loyalty-pulse/api-keys/%s" $v.apiKeys.secretKey) "" (ne (include "loyalty-pulse.apiKeysSecretName" .root) "")) $dashboardFile | quote }}
{{- if eq .key "churn-alert" }}
{{- range $i, $s := .svc.webhooks.subscriptions }}
# The signing secret of webhook subscription {{ $s.id }}.
- name: {{ printf "LOYALTY_WEBHOOKS_SUBSCRIPTION_%d_SECRET" $i }}
  valueFrom:
    secretKeyRef:
      name: {{ $.svc.webhooks.existingSecret }}
      key: {{ default $s.id $s.secretKey }}
{{- end }}
{{- end }}
{{- if .meta.streams }}
- name: POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: POD_NAMESPACE
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
# Static membership: the pod name is the group.instance.id, so a restarted pod takes its tasks back at once.
- name: LOYALTY_STREAMS_INSTANCE_ID
  value: $(POD_NAME)
# application.server: the pod's stable DNS name in the headless Service, for interactive queries between pods.
- name: LOYALTY_STREAMS_ADVERTISED_HOST
  value: {{ printf "$(POD_NAME).%s.$(POD_NAMESPACE).svc.%s" (include "loyalty-pulse.headlessName" .) $v.clusterDomain | quote }}
{{- end }}
{{- if $v.kafka.sasl.enabled }}
- name: LOYALTY_KAFKA_SASL_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.sasl.existingSecret is required when kafka.sasl.enabled" $v.kafka.sasl.existingSecret }}
      key: {{ $v.kafka.sasl.usernameKey }}
- name: LOYALTY_KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $v.kafka.sasl.existingSecret }}
      key: {{ $v.kafka.sasl.passwordKey }}
{{- end }}
{{- with include "loyalty-pulse.kafkaCaSecret" .root }}
- name: LOYALTY_KAFKA_TLS_CA
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: {{ $v.kafka.tls.caKey }}
{{- end }}
{{- if and $v.kafka.tls.enabled $v.kafka.tls.clientAuth }}
- name: LOYALTY_KAFKA_TLS_CERT
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.tls.existingSecret is required when kafka.tls.clientAuth" $v.kafka.tls.existingSecret }}
      key: {{ $v.kafka.tls.certKey }}
- name: LOYALTY_KAFKA_TLS_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $v.kafka.tls.existingSecret }}
      key: {{ $v.kafka.tls.keyKey }}
{{- end }}
{{- if $v.schemaRegistry.basicAuth.existingSecret }}
- name: LOYALTY_SCHEMA_REGISTRY_USER_INFO
  valueFrom:
    secretKeyRef:
      name: {{ $v.schemaRegistry.basicAuth.existingSecret }}
      key: {{ $v.schemaRegistry.basicAuth.userInfoKey }}
{{- end }}
{{- with .svc.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
The pod template of one service, shared by its Deployment or StatefulSet; context: dict root, key, svc, meta.
*/}}
{{- define "loyalty-pulse.podTemplate" -}}
{{- $v := .root.Values }}
{{- $apiKeysSecret := include "loyalty-pulse.apiKeysSecretName" .root -}}
{{- $dashboardSecret := include "loyalty-pulse.dashboardSecretName" . -}}
metadata:
  labels:
    {{- include "loyalty-pulse.componentLabels" . | nindent 4 }}
    {{- with .svc.podLabels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  annotations:
    # A changed configuration or chart-managed API key rolls the pods.
    checksum/config: {{ include "loyalty-pulse.springConfig" . | sha256sum }}
    {{- if and (not $v.apiKeys.existingSecret) $v.apiKeys.keys }}
    checksum/api-keys: {{ toYaml $v.apiKeys.keys | sha256sum }}
    {{- end }}
    {{- with .svc.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "loyalty-pulse.serviceAccountName" .root }}
  # The services call no Kubernetes API.
  automountServiceAccountToken: false
  {{- with $v.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .svc.priorityClassName }}
  priorityClassName: {{ . }}
  {{- end }}
  terminationGracePeriodSeconds: {{ .svc.terminationGracePeriodSeconds }}
  securityContext:
    {{- toYaml $v.podSecurityContext | nindent 4 }}
  containers:
    - name: {{ .meta.app }}
      image: {{ include "loyalty-pulse.image" . | quote }}
      imagePullPolicy: {{ $v.image.pullPolicy }}
      # The image's classpath and main class (Jib's files), with this chart's JVM options.
      command:
        - java
        {{- range .svc.jvmOptions }}
        - {{ . | quote }}
        {{- end }}
        - --enable-native-access=ALL-UNNAMED
        - -cp
        - "@/app/jib-classpath-file"
        - "@/app/jib-main-class-file"
      ports:
        - name: http
          containerPort: {{ .meta.port }}
          protocol: TCP
      env:
        {{- include "loyalty-pulse.env" . | nindent 8 }}
      {{- $http := dict "port" "http" }}
      startupProbe:
        {{- toYaml (mergeOverwrite (dict "httpGet" (merge (dict "path" "/actuator/health/liveness") $http) "periodSeconds" 5 "timeoutSeconds" 3 "failureThreshold" 60) (deepCopy .svc.startupProbe)) | nindent 8 }}
      livenessProbe:
        {{- toYaml (mergeOverwrite (dict "httpGet" (merge (dict "path" "/actuator/health/liveness") $http) "periodSeconds" 10 "timeoutSeconds" 3 "failureThreshold" 3) (deepCopy .svc.livenessProbe)) | nindent 8 }}
      readinessProbe:
        {{- toYaml (mergeOverwrite (dict "httpGet" (merge (dict "path" "/actuator/health/readiness") $http) "periodSeconds" 5 "timeoutSeconds" 3 "failureThreshold" 3) (deepCopy .svc.readinessProbe)) | nindent 8 }}
      resources:
        {{- toYaml .svc.resources | nindent 8 }}
      securityContext:
        {{- toYaml $v.containerSecurityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: config
          mountPath: /etc/loyalty-pulse/config
          readOnly: true
        {{- if $apiKeysSecret }}
        - name: api-keys
          mountPath: /etc/loyalty-pulse/api-keys
          readOnly: true
        {{- end }}
        {{- if $dashboardSecret }}
        - name: dashboard
          mountPath: /etc/loyalty-pulse/dashboard
          readOnly: true
        {{- end }}
        {{- if .meta.streams }}
        - name: state
          mountPath: /var/lib/loyalty-pulse/state
        {{- end }}
  volumes:
    - name: tmp
      emptyDir:
        sizeLimit: {{ $v.tmpSizeLimit }}
    - name: config
      configMap:
        name: {{ include "loyalty-pulse.componentName" . }}
    {{- if $apiKeysSecret }}
    - name: api-keys
      secret:
        secretName: {{ $apiKeysSecret }}
        items:
          - key: {{ $v.apiKeys.secretKey }}
            path: {{ $v.apiKeys.secretKey }}
    {{- end }}
    {{- if $dashboardSecret }}
    - name: dashboard
      secret:
        secretName: {{ $dashboardSecret }}
        items:
          - key: {{ .svc.dashboard.secretKey }}
            path: {{ .svc.dashboard.secretKey }}
    {{- end }}
  {{- with .svc.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .svc.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .svc.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .svc.topologySpreadConstraints }}
  topologySpreadConstraints:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end }}
