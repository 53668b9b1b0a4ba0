console.log("subject start");
await Promise.reject(new RangeError("rejected at top level"));
