{{/* The library's preStop hook: sleep while endpoints drop the pod. */}}
{{- define "common.lifecycle.preStop" -}}
lifecycle:
  preStop:
    sleep:
      seconds: {{ .Values.gracefulShutdown.preStopSeconds | default 5 }}
{{- end -}}
