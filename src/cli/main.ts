console.log("mailoauth");
