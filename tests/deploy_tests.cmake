# Tests of the deployment files and the Kubernetes scaling backend.
