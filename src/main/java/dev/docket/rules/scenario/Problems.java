package dev.docket.rules.scenario;

import java.util.ArrayList;
import java.util.List;

import dev.docket.rules.source.RuleProblem;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** The problems found in one scenario file, each at the line and column (1-based) of the YAML node at fault. */
final class Problems {

    private final String file;
    private final List<RuleProblem> list = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void at(Node node, String message) {
        at(node == null ? null : node.getStartMark(), message);
    }

    void at(Mark mark, String message) {
        list.add(mark == null
                ? new RuleProblem(file, 1, 1, message)
                : new RuleProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message));
    }

    void at(Position position, String message) {
        list.add(new RuleProblem(file, position.line(), position.column(), message));
    }

    int size() {
        return list.size();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    List<RuleProblem> list() {
        return List.copyOf(list);
    }
}
