{{/* Shared by every chart of the repository through a file:// dependency. */}}
{{- define "common.fullname" -}}
{{ .Release.Name }}-{{ .Chart.Name }}
{{- end -}}

{{- define "common.lifecycle.preStop" -}}
lifecycle:
  preStop:
    sleep:
      seconds: {{ .Values.gracefulShutdown.preStopSeconds | default 5 }}
{{- end -}}

{{- define "common.volumes.token" -}}
name: kube-api-access
projected:
  sources:
    - serviceAccountToken:
        path: token
{{- end -}}
