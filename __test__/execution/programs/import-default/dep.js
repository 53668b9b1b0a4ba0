export default function () { return ["called", this]; }
