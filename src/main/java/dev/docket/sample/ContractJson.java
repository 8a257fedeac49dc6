package dev.docket.sample;

import java.util.Map;

import dev.docket.contract.ContractRequest;
import dev.docket.contract.Money;

/** Writes a {@link ContractRequest} as the JSON body the contract API takes, without a JSON library. */
final class ContractJson {

    private ContractJson() {
    }

    static String of(ContractRequest r) {
        StringBuilder json = new StringBuilder(512).append('{');
        field(json, "externalRef", r.externalRef());
        field(json, "title", r.title());
        field(json, "account", r.account());
        field(json, "owner", r.owner());
        field(json, "team", r.team());
        field(json, "product", r.product());
        field(json, "contractType", r.contractType().name());
        field(json, "paper", r.paper().name());
        money(json, "dealValue", r.dealValue());
        money(json, "expansionPotential", r.expansionPotential());
        field(json, "targetCloseDate", r.targetCloseDate() == null ? null : r.targetCloseDate().toString());
        field(json, "submittedBy", r.submittedBy());
        if (r.gates() != null) {
            json.append("\"gates\":{");
            String separator = "";
            for (Map.Entry<String, Boolean> gate : r.gates().entrySet()) {
                json.append(separator).append(quote(gate.getKey())).append(':').append(gate.getValue());
                separator = ",";
            }
            json.append("},");
        }
        json.setLength(json.length() - 1);
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(quote(name)).append(':').append(quote(value)).append(',');
        }
    }

    private static void money(StringBuilder json, String name, Money money) {
        if (money != null) {
            json.append(quote(name)).append(":{\"amount\":").append(money.amount().toPlainString())
                    .append(",\"currency\":").append(quote(money.currency())).append("},");
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
