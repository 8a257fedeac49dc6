package dev.docket.facts;

import java.util.SplittableRandom;

/**
 * How a generated contract's choices are made: at random from a seed, or in turn, so that contract {@code i} takes
 * choice {@code i mod n} of every field and a grid of {@code n} contracts is sure to hold every choice.
 */
sealed interface Picker {

    /** One of {@code n} equally likely choices. */
    int index(int n);

    /** The {@code j}-th of several picks from the same {@code n} choices, such as the gates a contract leaves open. */
    int nth(int n, int j);

    /** One of {@code shares.length} choices, each as likely as its share. */
    int weighted(double[] shares);

    /** A whole number from {@code lowest} to {@code highest}, both included. */
    int between(int lowest, int highest);

    /** A fraction in [0, 1). */
    double unit();

    /** A standard normal deviate. */
    double gaussian();

    /**
     * Contract {@code index} of {@code seed}: its own generator, so it is the same contract whichever thread asks for
     * it and in whatever order. Draws are made in the order {@link ContractGenerator} asks for them; reordering them
     * changes every generated backlog and every benchmark figure taken on one.
     */
    record Seeded(SplittableRandom random) implements Picker {

        Seeded(long seed, int index) {
            this(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index));
        }

        @Override
        public int index(int n) {
            return random.nextInt(n);
        }

        @Override
        public int nth(int n, int j) {
            return random.nextInt(n);
        }

        @Override
        public int weighted(double[] shares) {
            double roll = random.nextDouble();
            for (int i = 0; i < shares.length - 1; i++) {
                roll -= shares[i];
                if (roll < 0) {
                    return i;
                }
            }
            return shares.length - 1;
        }

        @Override
        public int between(int lowest, int highest) {
            return random.nextInt(lowest, highest + 1);
        }

        @Override
        public double unit() {
            return random.nextDouble();
        }

        @Override
        public double gaussian() {
            return random.nextGaussian();
        }
    }

    /**
     * Contract {@code index} of a grid: choice {@code index mod n} of every field whatever its shares (several picks from one field take the
     * next choices in turn), the lowest
     * number plus {@code index} in a range, fractions spread evenly by the golden ratio, and the median for a normal.
     */
    record Cycling(int index) implements Picker {

        private static final double GOLDEN = 0.6180339887498949;

        @Override
        public int index(int n) {
            return index % n;
        }

        @Override
        public int nth(int n, int j) {
            return (index + j) % n;
        }

        @Override
        public int weighted(double[] shares) {
            return index % shares.length;
        }

        @Override
        public int between(int lowest, int highest) {
            return lowest + index % (highest - lowest + 1);
        }

        @Override
        public double unit() {
            double f = index * GOLDEN;
            return f - Math.floor(f);
        }

        @Override
        public double gaussian() {
            return 0;
        }
    }
}
