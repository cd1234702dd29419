package io.cncvision.vision.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The gauge R&R target, %GRR under 10 %, on 10 parts x 3 set-ups x 3 re-loadings. */
class RenderedRingStudyTest {

    @Test
    void ringGaugeGrrIsUnderTenPercentOfToleranceAndOfTotalVariation() throws Exception {
        RenderedRingStudy.Result result = RenderedRingStudy.run(77);
        RenderedRingStudy.print("outer-diameter", result.outer());
        RenderedRingStudy.print("bore-diameter", result.bore());

        assertThat(result.outer().percentOfTolerance()).isLessThan(10);
        assertThat(result.bore().percentOfTolerance()).isLessThan(10);
        assertThat(result.outer().percentOfTotalVariation()).isLessThan(10);
        assertThat(result.bore().percentOfTotalVariation()).isLessThan(10);
    }
}
