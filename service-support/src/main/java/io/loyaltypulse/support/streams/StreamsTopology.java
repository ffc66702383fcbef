package io.loyaltypulse.support.streams;

import java.util.List;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * A service's topology, as one bean: a plain method that builds it (Spring only calls
 * it), and the input topics that must be co-partitioned.
 */
public interface StreamsTopology {

	Topology build(StreamsBuilder builder);

	/** Inputs whose partition counts must match; checked before the topology starts. */
	List<String> coPartitionedInputs();

}
