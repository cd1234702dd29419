package io.cncvision.spc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RunRuleWindowTest {

    @Test
    void namesPointsByTheirIndexSinceTheFirstPointEverAdded() {
        RunRuleWindow window = new RunRuleWindow(RuleSet.NELSON);
        double[] inControl = {0.5, 1.5, -0.5, -1.5};
        for (int i = 0; i < 20; i++) {
            assertThat(window.add(inControl[i % 4], 0, 1)).isEmpty();
        }
        List<Signal> signals = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            signals.addAll(window.add(i % 2 == 0 ? 0.3 : 0.7, 0, 1));
        }
        assertThat(signals).containsExactly(new Signal(RunRule.NELSON_2, IntStream.rangeClosed(20, 28).toArray(), 28));
        assertThat(window.added()).isEqualTo(29);
    }

    @Test
    void aCopyJudgesTheNextPointAsTheOriginalWouldAndLeavesItUnmoved() {
        RunRuleWindow window = new RunRuleWindow(RuleSet.NELSON);
        for (int i = 0; i < 8; i++) {
            window.add(0.5, 0, 1);
        }
        RunRuleWindow copy = window.copy();
        assertThat(copy.add(0.5, 0, 1))
                .containsExactly(new Signal(RunRule.NELSON_2, IntStream.rangeClosed(0, 8).toArray(), 8));
        assertThat(window.added()).isEqualTo(8);
        assertThat(window.add(0.5, 0, 1)).isEqualTo(List.of(new Signal(RunRule.NELSON_2,
                IntStream.rangeClosed(0, 8).toArray(), 8)));
        assertThat(copy.add(-0.5, 0, 1)).isEmpty();
    }

    @Test
    void rejectsABadPointNamingItsIndexAndStaysUnchanged() {
        RunRuleWindow window = new RunRuleWindow(RuleSet.WESTERN_ELECTRIC);
        window.add(2.5, 0, 1);
        assertThatThrownBy(() -> window.add(Double.NaN, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 1");
        assertThatThrownBy(() -> window.add(0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma at index 1");
        assertThat(window.added()).isEqualTo(1);
        assertThat(window.add(2.5, 0, 1)).containsExactly(new Signal(RunRule.WE_2, new int[] {0, 1}, 1));
    }

    @Test
    void holdsOnlyPlainFieldsSoThatASnapshotCanStoreIt() {
        for (Field field : RunRuleWindow.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            Class<?> type = field.getType();
            assertThat(type.isPrimitive() || type.isEnum() || (type.isArray() && type.getComponentType().isPrimitive()))
                    .as(field.getName() + " is a primitive, a primitive array or an enum").isTrue();
        }
    }

    @Test
    void resumesFromACopyOfItsFieldsAsIfNeverStored() throws Exception {
        Random random = new Random(42);
        RunRuleWindow original = new RunRuleWindow(RuleSet.NELSON);
        for (int i = 0; i < 40; i++) {
            original.add(random.nextGaussian() * 1.5, 0, 1);
        }
        RunRuleWindow restored = copyByFields(original);
        for (int i = 0; i < 400; i++) {
            double value = random.nextGaussian() * 1.5;
            assertThat(restored.add(value, 0, 1)).isEqualTo(original.add(value, 0, 1));
        }
    }

    /** What a field-access serialiser does: a new instance through the no-argument constructor, every field copied. */
    private static RunRuleWindow copyByFields(RunRuleWindow source) throws Exception {
        Constructor<RunRuleWindow> constructor = RunRuleWindow.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        RunRuleWindow copy = constructor.newInstance();
        for (Field field : RunRuleWindow.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            Object value = field.get(source);
            field.set(copy, value instanceof double[] array ? array.clone() : value);
        }
        return copy;
    }
}
