console.log("sibling (no await) runs while subject awaits");
