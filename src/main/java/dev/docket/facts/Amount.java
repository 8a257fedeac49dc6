package dev.docket.facts;

/** How a generated contract's value or expansion potential is drawn, in the base currency. */
public sealed interface Amount {

    /** The amount for an account of {@code employees} buying a product listed at {@code listPrice}. */
    double draw(Picker picker, double listPrice, int employees);

    /** Exactly {@code value}. */
    record Fixed(double value) implements Amount {
        @Override
        public double draw(Picker picker, double listPrice, int employees) {
            return value;
        }
    }

    /** A whole amount from {@code lowest} to {@code highest}, each equally likely. */
    record Uniform(int lowest, int highest) implements Amount {
        @Override
        public double draw(Picker picker, double listPrice, int employees) {
            return picker.between(lowest, highest);
        }
    }

    /** A whole amount from 10^lowPower to 10^highPower, as likely in each order of magnitude. */
    record LogUniform(double lowPower, double highPower) implements Amount {
        @Override
        public double draw(Picker picker, double listPrice, int employees) {
            return Math.round(Math.pow(10, lowPower + picker.unit() * (highPower - lowPower)));
        }
    }

    /**
     * Whole seats at list price: about one seat per {@code employeesPerSeat} of the account, at least one, with a
     * log-normal spread of {@code spread}; as many seats as keep the amount from {@code lowest} to {@code highest}.
     */
    record Seats(double employeesPerSeat, double spread, double lowest, double highest) implements Amount {
        @Override
        public double draw(Picker picker, double listPrice, int employees) {
            double units = Math.ceil(Math.exp(picker.gaussian() * spread) * Math.max(1.0, employees / employeesPerSeat));
            units = Math.max(units, Math.ceil(lowest / listPrice));
            units = Math.min(units, Math.floor(highest / listPrice));
            return listPrice * units;
        }
    }

    /** List price once for each full team of {@code employeesPerTeam} in the account (at least once), log-normal spread. */
    record Teams(int employeesPerTeam, double spread) implements Amount {
        @Override
        public double draw(Picker picker, double listPrice, int employees) {
            return listPrice * Math.max(1, employees / employeesPerTeam) * Math.exp(picker.gaussian() * spread);
        }
    }
}
