import "katex/dist/katex.min.css";
import type { Theme } from "vitepress";
import DefaultTheme from "vitepress/theme";
import Calculator from "./calc/Calculator.vue";
import "./style.css";

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component("Calculator", Calculator);
  },
};
export default theme;
