/** A kube-dns Deployment in kube-system, as the synthesized DNS egress rules expect (k8s-app=kube-dns, UDP and TCP 53). */
export const KUBE_DNS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coredns
  namespace: kube-system
spec:
  template:
    metadata:
      labels:
        k8s-app: kube-dns
    spec:
      containers:
        - name: coredns
          image: coredns
          ports:
            - containerPort: 53
              protocol: UDP
            - containerPort: 53
              protocol: TCP
`;
