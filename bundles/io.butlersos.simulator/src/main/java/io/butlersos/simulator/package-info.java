/**
 * The simulator's shared model and its plug-in point. Not exported: it is shared between the parts
 * of this bundle (the HTTPS APIs here, the UDP event generator in {@code io.butlersos.simulator.udp}),
 * which use the same {@link io.butlersos.simulator.SenseWorld} so apps and users match across them.
 */
package io.butlersos.simulator;
