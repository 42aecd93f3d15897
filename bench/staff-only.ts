// The staff benchmark alone: `bun bench/staff-only.ts [students] [submissions] [seconds] [connections] [requests]`.
import { benchStaff } from "./staff";

const [students = "5000", submissions = "200000", seconds = "5", connections = "50", requests = "30"] = process.argv.slice(2);
console.log(await benchStaff(Number(students), Number(submissions), Number(seconds), Number(connections), Number(requests)));
process.exit(0);
