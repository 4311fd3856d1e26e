/** OSGi integration tests, run inside Felix by bnd-testing; test support types live here. */
package io.butlersos.itest;
