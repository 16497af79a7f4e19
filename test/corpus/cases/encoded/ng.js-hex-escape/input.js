var k = "{{key|js-hex-dash}}";
