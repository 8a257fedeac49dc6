package dev.docket.rules.scenario;

import org.yaml.snakeyaml.nodes.Node;

/** Where something starts in a scenario file, 1-based, as editors count. */
public record Position(int line, int column) {

    static Position of(Node node) {
        return new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }
}
