export const compute = () => "worker-1";
