// Short documents written for the upload tests (not the seed documents): figures and sectors the
// generator can ask about, in English and in Chinese.
export const ENGLISH_UPLOAD = [
  "Harbour cities and their factories",
  "1. Batteries",
  "In 2022 the harbour city of Norrvik produced 38% of the region's batteries, up from 21% in 2016.",
  "Battery exports from Norrvik reached 4.2 billion dollars in 2022, while imports stayed at 0.9 billion dollars.",
  "The city's largest battery plant employed 5,400 workers in 2021.",
  "2. Robots",
  "Factories in Norrvik installed 1,250 industrial robots in 2022, three times as many as in 2018.",
  "Robots now do 64% of the welding in the city's car plants, against 35% in 2015.",
  "3. Wind power",
  "Wind turbines off the coast supplied 47% of the city's electricity in 2023.",
  "The wind power cooperative plans to add 300 megawatts by 2030 (forecast).",
  "Steel for the turbine towers came from mills that produced 2.6 million tonnes in 2022.",
].join("\n");

export const CHINESE_UPLOAD = [
  "港口城市的制造业",
  "电池产业",
  "2022年，北港市生产了全省38%的电池，比2016年的21%大幅提高。",
  "北港市的电池出口额在2022年达到42亿美元，而进口额保持在9亿美元。",
  "机器人应用",
  "2022年，北港市的工厂安装了1250台工业机器人，是2018年的三倍。",
  "目前机器人完成了汽车厂64%的焊接工作，而2015年只有35%。",
  "风电发展",
  "2023年，近海风电为全市提供了47%的电力。",
  "到2030年，风电合作社计划新增300兆瓦装机容量。",
].join("\n");
